"""The site-wide settings model (contact details, campaign name), reached without importing it.

The model belongs to `home`, which sits above every feature app; apps that
need the campaign's name or contact address in an email, and the page
frames every app's pages extend (templates/base.html, through the
`site_settings_tags` library), ask for it here, the way Django apps reach
the user model through get_user_model(). settings.SITE_SETTINGS_MODEL names
it ("home.SiteSettings"); besides its fields, the menu asks it for
`short_menu_titles()`, and generated files for `imprint()` (the election
imprint, "" when none is set), through `imprint_for`.
"""

from django.apps import apps
from django.conf import settings
from wagtail.models import Site


def get_site_settings_model():
    return apps.get_model(settings.SITE_SETTINGS_MODEL, require_ready=False)


def site_settings_for(request=None, site=None):
    """The settings of the request's site (or of `site`, or of the default site); None if there is no site.

    A request's are read once and kept on it (Wagtail's `for_request`): the page
    frame, the menu and a view of the same request share one query.
    """
    if site is None and request is not None:
        site = Site.find_for_request(request)
        if site is not None:
            return get_site_settings_model().for_request(request)
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return get_site_settings_model().for_site(site) if site is not None else None


def imprint_for(request=None, site=None):
    """The imprint a generated file carries ("Promoted by … on behalf of …, address."), or "" when none is set."""
    site_settings = site_settings_for(request, site)
    return site_settings.imprint() if site_settings is not None else ""
