"""The site-wide settings model (contact details, campaign name), reached without importing it, in the page's language.

The model belongs to `home`, which sits above every feature app; apps that
need the campaign's name or contact address in an email, and the page
frames every app's pages extend (templates/base.html, through the
`site_settings_tags` library), ask for it here, the way Django apps reach
the user model through get_user_model(). settings.SITE_SETTINGS_MODEL names
it ("home.SiteSettings"); besides its fields, the menu asks it for
`short_menu_titles()`, and generated files for `imprint()` (the election
imprint, "" when none is set), through `imprint_for`.

Wagtail's settings have one value per field, the default language's. In
another language (a /cy/ page, an email written in Welsh) the words pages
show come from the model's `translated_words(language)` where it has them:
the settings are then wrapped, never changed, so Wagtail's own settings
screen (SiteSettings.for_request / for_site) still reads and saves English.
"""

import inspect

from django.apps import apps
from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Site

from .languages import active_language
from .publish_clock import KeptUntilNextPublish

# {(site id, language): {field: words}}, per process until the publish clock moves on (saving words moves it).
_kept_words = KeptUntilNextPublish()


def get_site_settings_model():
    return apps.get_model(settings.SITE_SETTINGS_MODEL, require_ready=False)


def site_settings_for(request=None, site=None):
    """The settings of the request's site (or of `site`, or of the default site) in the active language.

    None if there is no site. A request's are read once and kept on it (Wagtail's `for_request`): the page
    frame, the menu and a view of the same request share one query. In the default language they are the
    model itself; in another, `InLanguage` over it.
    """
    return in_language(settings_of(request, site), active_language())


def settings_of(request=None, site=None):
    """The settings as Wagtail keeps them: the default language's."""
    if site is None and request is not None:
        site = Site.find_for_request(request)
        if site is not None:
            return get_site_settings_model().for_request(request)
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return get_site_settings_model().for_site(site) if site is not None else None


def in_language(site_settings, language):
    """`site_settings` with `language`'s words where it has them; itself in the default language (no query)."""
    if site_settings is None or is_default(language):
        return site_settings
    kept = _kept_words.current()
    key = (site_settings.site_id, language)
    if key not in kept:
        kept[key] = site_settings.translated_words(language)
    return InLanguage(site_settings, kept[key]) if kept[key] else site_settings


def is_default(language):
    try:
        return get_supported_content_language_variant(language) == settings.LANGUAGE_CODE
    except LookupError:  # a language the site has no content in: its words are the default's
        return True


class InLanguage:
    """The settings read through one language's words: their own values for everything else.

    A wrapper, not a copy or a change: the request keeps Wagtail's object, which its settings screen saves,
    and this one cannot be saved. The model's methods run on the wrapper, so `imprint()` says "on behalf
    of" in this language's words too; a property would run on the model itself and read its English words, so
    anything on SiteSettings that reads a word is a plain method.
    """

    def __init__(self, site_settings, words):
        self._settings = site_settings
        self._words = words

    def __getattr__(self, name):
        if name in ("_settings", "_words"):  # not set yet (a copy being made)
            raise AttributeError(name)
        if name in self._words:
            return self._words[name]
        method = getattr(type(self._settings), name, None)
        if inspect.isfunction(method):
            return method.__get__(self)
        return getattr(self._settings, name)

    def save(self, *args, **kwargs):
        raise TypeError("Settings in another language are for reading: save the model's own (settings_of).")


def imprint_for(request=None, site=None):
    """The imprint a generated file carries ("Promoted by … on behalf of …, address."), or "" when none is set."""
    site_settings = site_settings_for(request, site)
    return site_settings.imprint() if site_settings is not None else ""
