"""Admin registration for the home app: the site-wide settings."""

from wagtail.contrib.settings.registry import register_setting

from .models import SiteSettings

register_setting(SiteSettings, icon="cog")
