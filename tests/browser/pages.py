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


# Every page type a visitor meets, as the demo content builds them.
PAGES_TO_CHECK = [
    PageCheck("home", "/"),
    PageCheck("content-page", "/privacy/"),
    PageCheck("statement", "/statement/"),
    PageCheck("signatories", "/statement/signatories/"),
    PageCheck("check-your-inbox", "/statement/sign/done/"),
    # Redirects to a new signer's emailed link (tests/browser/urls.py): the page with the "Confirm" button.
    PageCheck("confirm", "/__test__/confirmation-link/"),
    PageCheck("check-your-inbox-not-sent", "/statement/sign/done/?sent=0"),
    PageCheck("thank-you", "/statement/confirm/done/"),
    # A confirmed signer's withdraw link (tests/browser/urls.py): the page asks whether to keep their updates.
    PageCheck("withdraw", "/__test__/withdraw-link/"),
    # The sign form shown back while the database is down (core.database_outage), empty here.
    PageCheck("sign-unavailable", "/__test__/sign-unavailable/", status=503),
    PageCheck("change-signature", "/statement/change/"),
    PageCheck("change-signature-sent", "/statement/change/sent/"),
    PageCheck("closed-statements", "/closed-statements/"),
    PageCheck("events", "/events/"),
    PageCheck("past-events", "/events/past/"),
    PageCheck("event", "/events/london-launch-meeting/"),
    PageCheck("weekly-stall", "/events/leeds-saturday-stall/"),  # repeating, one date cancelled
    PageCheck("submit-activity", "/events/submit/"),
    PageCheck("materials", "/materials/"),
    PageCheck("motion", "/motion/"),
    PageCheck("conference-board", "/motion/conferences/labour-party-conference-example/"),
    PageCheck("motion-report", "/motion/report/"),  # the tracker: a date input, so its flow is in its own test
    PageCheck("news", "/news/"),
    PageCheck("update", "/news/campaign-launched/"),
    PageCheck("get-involved", "/get-involved/"),
    PageCheck("contact", "/contact/"),
    PageCheck("not-found", "/no-such-page/", status=404),
    # Rendered by tests/browser/urls.py, so the page is checked without tripping a real limit.
    PageCheck("too-many-requests", "/__test__/too-many-requests/", status=429),
    PageCheck("server-error", "/__test__/server-error/", status=500),
    # Welsh (#29): the demo's translations (longer words in the same layouts) and an alias not translated yet.
    PageCheck("welsh-home", "/cy/"),
    PageCheck("welsh-statement", "/cy/datganiad/"),
    PageCheck("welsh-check-your-inbox", "/cy/datganiad/sign/done/"),
    PageCheck("welsh-motion", "/cy/cynnig/"),
    PageCheck("welsh-accessibility", "/cy/hygyrchedd/"),
]

# Public forms, each checked in its error state, by keyboard only and without JavaScript.
# (The activity and print-order forms have date inputs, which typing key by key cannot fill;
# their pages are checked above and their flows in tests/events and tests/materials.)
FORMS = [
    FormCheck(
        "statement",
        "/statement/",
        valid={
            "kind": "person",
            "name": "Ada Lovelace",
            "email": "ada@example.org",
            "region": "london",
            "show_publicly": True,
        },
        success_text="Check your inbox",
        form="main form[method=post]",
    ),
    FormCheck(
        "change-signature",
        "/statement/change/",
        valid={"email": "ada@example.org"},
        success_text="If that address has signed",
        form="main form[method=post]",
    ),
    FormCheck(
        "speaker-invitation",
        "/motion/",
        valid={
            "organisation": "Unite",
            "branch": "Leeds Community",
            "contact_name": "Ada Lovelace",
            "email": "ada@example.org",
            "proposed_dates": "Any Tuesday evening in March",
            "format": "in_person",
        },
        success_text="Invitation received",
        form="main form[method=post]",
    ),
    FormCheck(
        "get-involved",
        "/get-involved/",
        valid={"your_name": "Ada Lovelace", "your_email": "ada@example.org", "town_or_area": "Leeds"},
        success_text="Thank you for joining",
        form="main form[method=post]",
    ),
    FormCheck(
        "contact",
        "/contact/",
        valid={"your_name": "Ada Lovelace", "your_email": "ada@example.org", "message": "Hello"},
        success_text="Thank you for your message",
        form="main form[method=post]",
    ),
]


def each_form():
    """FORMS as test parameters."""
    return FORMS
