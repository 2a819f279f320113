"""Design check: no confirmation page is a dead end (issue 32).

A visitor who has just RSVPed, joined, ordered, invited a speaker or asked
for updates is at their most willing; the page that thanks them must offer
somewhere to go next. Each confirmation page, reached as a visitor reaches
it (on the live server with the demo content), must have in its main part
at least one link onward: to another page of the site than the one whose
form was just sent and than the home page, or out to share. A "Back to the
event" link alone, or "Go to the home page", is a dead end. The pages also
get axe-core at both widths and the Nu HTML Checker, and a screenshot each
(test-artifacts/screens/next-steps-<page>-<width>.png).
"""

import datetime
import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.core import mail

from campaign.events.models import EventPage
from tests.statements.visitor import path_of

from .checks import fill_form, format_html_errors, format_violations, submit_button
from .pages import FORMS
from .test_screenshots import ORDER, SCREENS, SLOW_MS

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

LINKS_IN_MAIN = "els => els.map(a => a.getAttribute('href'))"


def onward_links(page, came_from):
    """The links in <main> that lead on: not back to `came_from` (the form's page), not home, not mail or phone."""
    here = urlsplit(page.url)
    onward = []
    for href in page.eval_on_selector_all("main a[href]", LINKS_IN_MAIN):
        if href.startswith(("mailto:", "tel:", "#")):
            continue
        target = urlsplit(urljoin(page.url, href))
        if target.netloc == here.netloc and target.path in {"/", came_from, here.path}:
            continue
        onward.append(href)
    return onward


def send(page, path, form, data):
    """Fill in and send the form at `path`; return when the next page has loaded."""
    page.goto(path, timeout=SLOW_MS)
    fill_form(page, form, data)
    with page.expect_navigation(timeout=SLOW_MS):
        submit_button(page, form).click()


def email_link(address, pattern):
    message = [m for m in mail.outbox if m.to == [address]][-1]
    return path_of(re.search(pattern, message.body).group(0))


def rsvp_done(page):
    send(page, "/events/london-launch-meeting/", "form.rsvp-form", {"name": "Ada Lovelace", "email": "ada@example.org"})
    return "/events/london-launch-meeting/"


def rsvp_confirmed(page):
    event = EventPage.objects.get(slug="sheffield-public-meeting")
    event.rsvps_need_confirming = True
    event.save_revision().publish()
    path = event.url
    send(page, path, "form.rsvp-form", {"name": "Grace Hopper", "email": "grace@example.org"})
    page.goto(email_link("grace@example.org", r"https?://\S+/rsvp/confirm/\?token=\S+"))
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm that I am coming").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("you are coming")
    return path


def joined(page):
    send(page, "/get-involved/", "form[method=post]", {"your_name": "Ada Lovelace", "your_email": "ada@example.org"})
    expect(page.get_by_text("Thank you for joining")).to_be_visible()
    return "/get-involved/"


def ordered(page):
    page.goto("/materials/", timeout=SLOW_MS)
    form = "form[method=post]"
    fill_form(page, form, ORDER)
    page.locator(f"{form} input[name^=quantity_]").first.fill("25")
    page.locator(f"{form} [name=needed_by]").fill((datetime.date.today() + datetime.timedelta(days=21)).isoformat())
    with page.expect_navigation(timeout=SLOW_MS):
        submit_button(page, form).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Order received")
    return "/materials/"


def invited(page):
    invitation = next(check for check in FORMS if check.name == "speaker-invitation")
    send(page, invitation.path, invitation.form, invitation.valid)
    expect(page.get_by_role("heading", level=1)).to_have_text("Invitation received")
    return invitation.path


def asked_for_updates(page):
    send(page, "/", "footer form.updates-signup", {"updates-email": "rosa@example.org"})
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your inbox")
    return "/email-updates/"


def confirmed_updates(page):
    page.goto(email_link("rosa@example.org", r"https?://\S+/your-data/confirm-updates/\?token=\S+"))
    with page.expect_navigation():
        page.get_by_role("button", name="Yes, send me updates").click()
    return "/your-data/confirm-updates/"


# Each confirmation page, in the order a visitor might meet them: (name, how to reach it).
CONFIRMATIONS = [
    ("rsvp-check-inbox", rsvp_done),
    ("rsvp-confirmed", rsvp_confirmed),
    ("joined", joined),
    ("order-received", ordered),
    ("invitation-received", invited),
    ("updates-check-inbox", asked_for_updates),
    ("updates-confirmed", confirmed_updates),
]


def test_no_confirmation_page_is_a_dead_end(live_page, request, axe, html_checker):
    page, width = live_page, request.node.callspec.params["live_page"]
    dead_ends, problems, documents = [], [], {}
    for name, reach in CONFIRMATIONS:
        came_from = reach(page)
        if not onward_links(page, came_from):
            dead_ends.append(f"{name} ({page.url}): no link onward in <main>")
        SCREENS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENS / f"next-steps-{name}-{width}.png"), full_page=True, timeout=SLOW_MS)
        violations = axe(page)
        if violations:
            problems.append(format_violations(violations, name))
        documents[name] = page.content()

    assert not dead_ends, "Confirmation pages that are dead ends:\n" + "\n".join(dead_ends)
    assert not problems, "\n".join(problems)
    if width == "desktop":  # the markup is the same at both widths; the checker's Java is slow to start
        errors = html_checker(documents)
        assert not errors, format_html_errors(errors)
