"""Who organisers' notifications go to, and where in the admin they can act on them."""

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from wagtail.models import Site

from home.models import SiteSettings


def organiser_addresses(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    return [SiteSettings.for_site(site).contact_email]


def admin_edit_url(instance):
    """Absolute address of the admin screen where organisers change the status."""
    meta = instance._meta
    try:
        path = reverse(f"{meta.app_label}_{meta.model_name}_modeladmin_edit", args=[instance.pk])
    except NoReverseMatch:
        return ""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
