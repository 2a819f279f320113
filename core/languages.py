"""Which language a request is in: its address says (/cy/... is Welsh), nothing else.

Not Django's LocaleMiddleware: that one also reads a cookie and the browser's
Accept-Language, so one address could answer in two languages; every cache
(the page cache, a CDN, a browser) would then need `Vary: Accept-Language`
and keep a copy per browser setting. Here an address has one language, so a
cached page is right for everyone who asks for it, and the language switch
is a link to the other address. English, the default, has no prefix.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

# {language code: Locale id}, read once per process: languages are added rarely, and one missing is read
# again; a Locale saved or deleted in this process empties it.
_locale_ids = {}


@receiver([post_save, post_delete], sender=Locale, dispatch_uid="core.languages.forget_locale_ids")
def forget_locale_ids(**kwargs):
    global _locale_ids
    _locale_ids = {}


def locale_id(language):
    """The id of the Locale of `language` (a code), or None: no query once known."""
    code = get_supported_content_language_variant(language)
    ids = _locale_ids
    if code not in ids:
        ids = read_locale_ids()
    return ids.get(code)


def read_locale_ids():
    """Read every Locale again, replacing the kept map in one step (a thread never sees it half-filled)."""
    global _locale_ids
    _locale_ids = dict(Locale.objects.values_list("language_code", "id"))
    return _locale_ids


def language_of_locale(locale_id_):
    """The language code of a Locale id (the reverse of `locale_id`), or None."""
    ids = _locale_ids
    if locale_id_ not in ids.values():
        ids = read_locale_ids()  # a language added since this process read them
    return next((code for code, pk in ids.items() if pk == locale_id_), None)


def localized(page, language=None):
    """`page` in `language` (the active one): its live translation, else `page` itself.

    Wagtail's `page.localized`, without its query for the active Locale on every call, and without any
    query when the page is already in that language.
    """
    wanted = locale_id(language or active_language())
    if page is None or wanted is None or page.locale_id == wanted:
        return page
    return page.get_translations().filter(locale_id=wanted).live().first() or page


def original_of(page):
    """`page` in the site's default language, else `page` itself (no version there).

    A translation (#29) is the same statement, event or update in another language: what people do on it
    (sign, answer, are emailed) belongs to the original, so there is one of each in every language.
    """
    default = locale_id(settings.LANGUAGE_CODE)
    if default is None or page.locale_id == default:
        return page
    return page.get_translations().filter(locale_id=default).first() or page


def active_language():
    """The language this request (or job) runs in: the default for the records people make (their emails' language)."""
    return translation.get_language() or settings.LANGUAGE_CODE


def prefixed_languages():
    """{"/cy/": "cy"}: the address prefix of every language but the default."""
    return {f"/{code}/": code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE}


def language_of_path(path, prefixes=None):
    """The language an address is in: its prefix's, else the default."""
    for prefix, code in (prefixes or prefixed_languages()).items():
        if path.startswith(prefix):
            return code
    return settings.LANGUAGE_CODE


def home_path(language=None):
    """The home page's address in `language` (the active one by default): "/" in the default, "/cy/" in Welsh."""
    language = language or active_language()
    return "/" if language == settings.LANGUAGE_CODE else f"/{language}/"


def language_context(request):
    """Templates' `home_url`: the home page in the page's language (a context processor)."""
    return {"home_url": home_path()}


def without_language_prefix(path):
    """`path` without its language's prefix: "/cy/datganiad/" -> "/datganiad/"."""
    for prefix in prefixed_languages():
        if path.startswith(prefix):
            return path[len(prefix) - 1 :]
    return path


class LanguageFromPathMiddleware:
    """Serve each request in its address's language, and say which (Content-Language)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = prefixed_languages()

    def __call__(self, request):
        language = language_of_path(request.path_info, self.prefixes)
        request.LANGUAGE_CODE = language
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
