"""The order of the apps' URLs in config/urls.py is no rule: no app's plain URL is caught by another's patterns.

The statements' plain URLs take any "<path>/sign/" and "<path>/confirm/"
(a statement may live anywhere in the page tree); before, the stalls' own
"/stall/sign/" worked only because its include came first.
"""

import pytest
from django.urls import Resolver404, URLPattern, URLResolver

from config import urls

# The addresses people read come in every language (i18n_patterns, last): the apps' includes, then Wagtail's.
IN_EVERY_LANGUAGE = urls.urlpatterns[-1].url_patterns
WAGTAIL_PAGES = IN_EVERY_LANGUAGE[-1]  # serves every page: it matches everything, by design


def literal_paths(resolver):
    """The fixed addresses an app's include serves ("stall/signatures/"), without parameters."""
    for pattern in resolver.url_patterns:
        route = str(pattern.pattern)
        if isinstance(pattern, URLPattern) and "<" not in route and not route.startswith("^"):
            yield route


def app_includes():
    return [
        entry
        for entry in IN_EVERY_LANGUAGE
        if isinstance(entry, URLResolver) and str(entry.pattern) == "" and entry is not WAGTAIL_PAGES
    ]


@pytest.mark.parametrize("include", app_includes(), ids=lambda include: include.urlconf_name.__name__)
def test_no_other_app_catches_this_apps_addresses(include):
    others = [other for other in app_includes() if other is not include]
    for path in literal_paths(include):
        for other in others:
            with pytest.raises(Resolver404):
                other.resolve(path)
