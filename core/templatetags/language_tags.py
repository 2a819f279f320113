"""The language switch and the alternate-language links every page carries (issue #29).

A page's other-language version is its live translation (wagtail-localize keeps
one per language, or an alias of the original until an editor translates it);
any other address (a form's thank-you, a list) has its other language at the
same address with the language's prefix (django.urls.translate_url). The
switch says so when a page has no version in the other language yet. One query
a page finds every version, shared by the switch and the alternates.
"""

from django import template
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

from core.languages import active_language, language_of_locale
from core.languages import localized as localized_page

register = template.Library()


def page_versions(page):
    """{language code: the live version of `page` in it}, the page itself included."""
    versions = {language_of_locale(page.locale_id): page}
    for version in page.get_translations().live():
        versions.setdefault(language_of_locale(version.locale_id), version)
    return versions


def sub_route(page, request):
    """What follows the page's own address in the request's (a statement's "signatories/"), or ""."""
    if request is None:
        return ""
    own = page.get_url(request) or ""
    return request.path[len(own) :] if own and request.path.startswith(own) else ""


def language_versions(context):
    """[{code, name, url, current, translated}] for every language, in settings.LANGUAGES order; once a render.

    `url` is None where there is no version of this page in that language;
    `translated` is False where the version is an alias showing the original's words.
    """
    kept = context.render_context.get("language_versions")
    if kept is not None:
        return kept
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    versions = page_versions(page) if isinstance(page, Page) and page.pk else None
    found = []
    for code, name in settings.LANGUAGES:
        url, translated = None, True
        if versions is not None:
            version = versions.get(code)
            if version is not None:
                url = version.get_url(request) + sub_route(page, request)
                translated = version.alias_of_id is None
        elif request is not None:
            # The path only: a query (a visitor's ?src=) must not reach a page the cache keeps for everyone.
            url = translate_url(request.path, code)
        found.append({"code": code, "name": name, "url": url, "current": code == current, "translated": translated})
    context.render_context["language_versions"] = found
    return found


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context):
    return {"versions": [version for version in language_versions(context) if not version["current"]]}


@register.inclusion_tag("includes/language_alternates.html", takes_context=True)
def language_alternates(context):
    request = context.get("request")
    versions = [dict(version) for version in language_versions(context) if version["url"]]
    try:
        for version in versions:
            version["absolute"] = request.build_absolute_uri(version["url"]) if request else version["url"]
    except DisallowedHost:  # the 400 page for a request to a host the site does not serve: no links to it
        return {"versions": []}
    return {"versions": versions if len(versions) > 1 else []}


@register.simple_tag(takes_context=True)
def in_original_words(context):
    """The `lang` of a page shown in its original's words (an alias at /cy/ not translated yet), else "".

    The page says so above its content. (Its words are not marked with their language: the site's own
    words around and among them are in the page's, so no one element holds only the original's.)
    """
    page = context.get("page")
    if getattr(page, "alias_of_id", None) and translation.get_language() != settings.LANGUAGE_CODE:
        return bcp47(settings.LANGUAGE_CODE)
    return ""


def bcp47(language):
    """A language code as HTML's lang writes it: "en-gb" -> "en-GB"."""
    return translation.to_locale(language).replace("_", "-")


@register.simple_tag
def html_language():
    """The `lang` of the page: the active language as BCP 47 writes it ("en-GB", "cy")."""
    return bcp47(active_language())


@register.filter
def localized(page):
    """`page` in the active language where it is translated (core.languages.localized): `{{ page|localized }}`."""
    return localized_page(page)
