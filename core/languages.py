"""Which language a request is in: its address says (/cy/... is Welsh), nothing else.

Not Django's LocaleMiddleware: that one also reads a cookie and the browser's
Accept-Language, so one address could answer in two languages; every cache
(the page cache, a CDN, a browser) would then need `Vary: Accept-Language`
and keep a copy per browser setting. Here an address has one language, so a
cached page is right for everyone who asks for it, and the language switch
is a link to the other address. English, the default, has no prefix.
"""

from django.conf import settings
from django.utils import translation


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
