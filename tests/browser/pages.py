"""What the browser, accessibility and HTML checks visit: append a line to add a page.

Every feature adds its pages here, and every check (axe at phone and desktop
widths, the Nu HTML Checker, keyboard focus, no JavaScript, fitting a phone
screen) then runs on them. The content comes from the demo loader
(`manage.py load_demo_content`), so a page its demo builder makes exists here too.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PageCheck:
    """A page as a visitor meets it: a path and the status it should answer with."""

    name: str
    path: str
    status: int = 200

    def __str__(self):
        return self.name


@dataclass(frozen=True)
class FormCheck:
    """A public form: where it is and what a visitor types into it.

    `valid` maps field names to what a person enters (True/False ticks a
    checkbox, a string picks a radio button or select option by value);
    `invalid` is what fails the server's validation (by default: nothing
    filled in). After a valid submission the page shows `success_text`.
    The same form is checked with axe and the HTML checker in its error
    state, for errors linked to fields, with the keyboard only and with
    JavaScript off.
    """

    name: str
    path: str
    valid: dict
    success_text: str
    invalid: dict = field(default_factory=dict)
    form: str = "main form"

    def __str__(self):
        return self.name


# Pages that exist now. The lead adds: statement, thank-you, events, an event,
# materials, motion, news, an update and the form pages as they are merged.
PAGES_TO_CHECK = [
    PageCheck("home", "/"),
    PageCheck("content-page", "/privacy/"),
    PageCheck("not-found", "/no-such-page/", status=404),
    # Rendered by tests/browser/urls.py: no public form exists yet to trip the limit.
    PageCheck("too-many-requests", "/__test__/too-many-requests/", status=429),
    PageCheck("server-error", "/__test__/server-error/", status=500),
]

# Public forms. Empty until the first feature with a form is merged; then, e.g.:
#   FormCheck(
#       "statement",
#       "/statement/",
#       valid={"kind": "person", "name": "Ada Lovelace", "email": "ada@example.org", "show_name": True},
#       success_text="Check your inbox",
#   ),
FORMS = []

NO_FORMS_YET = "no public form yet: add each form to FORMS in tests/browser/pages.py"


def each_form():
    """FORMS as test parameters, or one skipped case that says why there are none."""
    import pytest

    return FORMS or [pytest.param(None, marks=pytest.mark.skip(reason=NO_FORMS_YET))]
