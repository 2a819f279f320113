"""Which version of an update each subscriber gets (#29): the translation in their language, else the original.

A subscriber keeps the language they asked for updates in (Subscriber.language). An
update translated into it (wagtail-localize, published, not an alias still showing the
original's words) goes to them in that language, with its address; otherwise they get
the original, in their language's email words. A batch is grouped by language, so
each language costs one query and one rendering of the update, never one per person.
"""

from django.conf import settings
from django.utils.translation import get_supported_language_variant

from core.languages import locale_id


def language_of(subscriber):
    """The subscriber's language as the site has it ("cy", "en-gb"); the default when unknown or unset."""
    try:
        return get_supported_language_variant(getattr(subscriber, "language", "") or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def by_language(deliveries):
    """{language: [delivery]} of a batch, in the order they came (a removed subscriber's in the default)."""
    groups = {}
    for delivery in deliveries:
        groups.setdefault(language_of(delivery.subscriber), []).append(delivery)
    return groups


def version_in(page, language):
    """The update as sent in `language`: its live translation there, else `page` (the revision being sent)."""
    wanted = locale_id(language)
    if wanted is None or wanted == page.locale_id:
        return page
    found = (
        type(page)
        .objects.live()
        .public()  # a translation kept private would send its readers a link they cannot open
        .filter(translation_key=page.translation_key, locale_id=wanted, alias_of__isnull=True)
        .first()
    )
    return found or page
