"""The words a person agreed to, by version and language.

A consent row keeps the version and the language its words were shown in,
not the text: the texts live here and are never edited once used, only added
to. A change of wording is a new version (and CURRENT moves to it), so anyone
can later see exactly what a person was asked when they agreed, in the words
they read. A version's Welsh is part of it: a new translation is a new version.
"""

from django.conf import settings
from django.utils.functional import lazy

from core.languages import active_language

WORDINGS = {
    "updates-1": {
        "en-gb": "Send me campaign updates by email (about once a month; stop them at any time)",
        "cy": "Anfonwch ddiweddariadau’r ymgyrch ataf drwy e-bost (tua unwaith y mis; gallwch eu hatal unrhyw bryd)",
    },
}
CURRENT = "updates-1"


def shown_language(version, language=None):
    """The language `version` is shown in for `language` (the active one): its own, else the site's default.

    What a consent records beside the version, so the words shown later are the words read then.
    """
    language = language or active_language()
    return language if language in WORDINGS.get(version, {}) else settings.LANGUAGE_CODE


def text_of(version, language=None):
    """The words of `version` in `language` (the active one by default), or a plain note for a version this code
    does not know (never an error on a page)."""
    texts = WORDINGS.get(version)
    if texts is None:
        return f"(wording {version})"
    return texts[shown_language(version, language)]


# The question as a form's label: worked out when shown, in the language of the page that shows it (forms
# share their fields between requests, core.shared_fields, so a label settled at import would be English).
current_question = lazy(lambda: text_of(CURRENT), str)
