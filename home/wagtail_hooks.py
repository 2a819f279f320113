"""Admin registration for the home app: the site-wide settings and the campaign dashboard."""

from wagtail import hooks
from wagtail.contrib.settings.registry import register_setting

from .dashboard import CampaignDashboardPanel
from .models import SiteSettings

register_setting(SiteSettings, icon="cog")


@hooks.register("construct_homepage_panels")
def campaign_dashboard(request, panels):
    panels.append(CampaignDashboardPanel(request.user))
