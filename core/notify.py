"""Who organisers' notifications go to, and where in the admin they act on them."""

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from .site_settings import site_settings_for


def organiser_addresses(request=None, site=None):
    """The campaign's contact address from the site settings: where every "something came in" email goes."""
    site_settings = site_settings_for(request, site)
    return [site_settings.contact_email] if site_settings and site_settings.contact_email else []


def admin_url(path):
    """An absolute admin address for an email: WAGTAILADMIN_BASE_URL plus `path`."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def modeladmin_url(instance, action="edit"):
    """The absolute address of `instance`'s modeladmin screen ("edit" or "inspect"), or "" if it has none."""
    meta = instance._meta
    try:
        path = reverse(f"{meta.app_label}_{meta.model_name}_modeladmin_{action}", args=[instance.pk])
    except NoReverseMatch:
        return ""
    return admin_url(path)
