"""The host's journey (issue 28), in Chromium at 375 and 1280 px, on the live server with the demo content.

A supporter submits a street stall; an organiser (a member of "Campaign organisers", no more) accepts it,
lets it take RSVPs and publishes it. The submitter, now its host, opens the private link from their email,
watches a visitor's RSVP arrive, and writes to everyone coming; the organiser reviews exactly what will be
sent and approves it, and the visitor gets it once. After the day the host reports 25 paper signatures,
which the organisers find waiting to import. Every host's page on the way (and each form's error state)
passes axe and the Nu HTML Checker; screens go to test-artifacts/screens/hosts/.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from campaign.events.models import EventPage
from campaign.hosts.models import Host, HostMessage, PaperReport
from core.organisers import ORGANISERS_GROUP
from tests.conftest import make_user
from tests.statements.visitor import path_of

from .checks import (
    VIEWPORTS,
    fill_form,
    format_html_errors,
    format_violations,
    sideways_overflow,
    sign_in_to_admin,
    submit_button,
)
from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

SUBMITTER = "stall.runner@example.org"
VISITOR = "grace@example.org"


class HostPages:
    """The host's tab, and what its pages showed: axe's violations and each page's HTML, for one checker run."""

    def __init__(self, tab, axe, folder, width):
        self.tab, self.axe, self.folder, self.width = tab, axe, folder, width
        self.folder.mkdir(parents=True, exist_ok=True)
        self.documents, self.violations = {}, []

    def visit(self, path, name, status=200):
        response = self.tab.goto(path)
        assert response.status == status, f"{path}: {response.status}"
        self.check(name, response.body())

    def check(self, name, html=None):
        """axe on the page as shown; its HTML (as served, or as the browser holds it); a photograph."""
        assert sideways_overflow(self.tab) == 0, f"{name}: the page scrolls sideways at {self.width}px"
        self.documents[f"host-{name}-{self.width}"] = html if html is not None else self.tab.content()  # before axe
        self.violations += [dict(violation, id=f"{name}: {violation['id']}") for violation in self.axe(self.tab)]
        self.tab.screenshot(path=str(self.folder / f"{name}-{self.width}.png"), full_page=True)


def emails_to(address):
    return [message for message in mail.outbox if address in message.to]


def when(days, hour):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0).strftime("%Y-%m-%dT%H:%M")


def test_a_host_runs_their_stall_from_their_private_link(live_page, browser, live_site, axe, html_checker):
    host_tab = live_page
    width = host_tab.viewport_size["width"]
    pages = HostPages(host_tab, axe, ARTIFACTS / "screens" / "hosts", width)

    # A supporter submits a stall, on their own phone or computer.
    host_tab.goto("/events/submit/")
    fill_form(
        host_tab,
        "form[method=post]",
        {
            "title": "Saturday stall in Leeds",
            "kind": "stall",
            "start": when(3, 10),
            "end": when(3, 13),
            "venue_name": "Kirkgate Market",
            "town": "Leeds",
            "organiser_name": "Leeds supporters",
            "email": SUBMITTER,
        },
    )
    submit_button(host_tab, "form[method=post]").click()
    expect(host_tab.get_by_role("heading", level=1)).to_have_text("Thank you")

    # An organiser accepts it, lets it take RSVPs, and publishes it.
    make_user("rosa", groups=[ORGANISERS_GROUP])
    admin_context = browser.new_context(base_url=live_site, viewport=VIEWPORTS["desktop"])
    admin = admin_context.new_page()
    sign_in_to_admin(admin, "rosa", "password")
    admin.goto("/admin/events/eventsubmission/")
    admin.locator(".result-list tr", has_text="Saturday stall in Leeds").get_by_role("link", name="Accept").click()
    admin.get_by_role("button", name="Accept and create a draft event").click()
    expect(admin.locator(".messages")).to_contain_text("Check it, then publish it")
    [link_email] = [email for email in emails_to(SUBMITTER) if email.subject.startswith("Your link")]
    assert link_email.subject == "Your link to manage Saturday stall in Leeds"
    admin.get_by_label("Take RSVPs", exact=True).check()
    admin.get_by_role("button", name="More actions").click()
    admin.get_by_role("button", name="Publish").click()
    expect(admin.locator(".messages")).to_contain_text("published")
    event = EventPage.objects.live().get(title="Saturday stall in Leeds")
    assert event.takes_rsvps

    # The host opens their link: nobody yet.
    link = path_of(next(word for word in link_email.body.split() if "/host/" in word))
    pages.visit(link, "page-empty")
    expect(host_tab.get_by_role("heading", level=1)).to_have_text("Saturday stall in Leeds")
    expect(host_tab.locator(".host-people, .host-counts").first).to_be_visible()
    expect(host_tab.get_by_text("Nobody yet.")).to_be_visible()

    # A visitor says they are coming; the host sees them arrive.
    visitor_context = browser.new_context(base_url=live_site, viewport=VIEWPORTS["phone"])
    visitor = visitor_context.new_page()
    visitor.goto(event.url)
    fill_form(visitor, "form.rsvp-form", {"name": "Grace Hopper", "email": VISITOR})
    submit_button(visitor, "form.rsvp-form").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Check your inbox")
    pages.visit(link, "page-with-rsvp")
    expect(host_tab.locator(".host-people")).to_contain_text("Grace Hopper")
    expect(host_tab.locator(".host-counts li").first).to_contain_text("1 coming")
    assert VISITOR not in host_tab.content()  # names only, unless an organiser allows contacts

    # The host writes to everyone coming; an empty form first says what is missing.
    host_tab.get_by_role("link", name="Message everyone coming").click()
    pages.check("message")
    submit_button(host_tab, "form[method=post]").click()
    expect(host_tab.locator(".error-summary")).to_be_visible()
    pages.check("message-errors")
    fill_form(
        host_tab,
        "form[method=post]",
        {"subject": "We have moved to stall 4", "body": "Look for the red banner by the flower stall."},
    )
    submit_button(host_tab, "form[method=post]").click()
    expect(host_tab.locator(".notice")).to_contain_text("An organiser will check your message")
    pages.check("message-held")
    assert not [email for email in emails_to(VISITOR) if "stall 4" in email.subject]

    # The organiser finds it under Requests, sees exactly what will go, and approves it.
    admin.goto("/admin/hosts/hostmessage/")
    admin.get_by_role("link", name="Review and approve").click()
    expect(admin.locator("pre")).to_contain_text("Look for the red banner by the flower stall.")
    admin.screenshot(path=str(pages.folder / "admin-review.png"), full_page=True)
    admin.get_by_role("button", name="Approve and send to 1 person").click()
    expect(admin.locator(".messages")).to_contain_text("approved")
    [sent] = [email for email in emails_to(VISITOR) if "stall 4" in email.subject]
    assert "Look for the red banner" in sent.body
    assert HostMessage.objects.get().status == HostMessage.Status.SENT

    # The other pages a host may open before the day.
    for name in ["change", "cancel", "co_host"]:
        pages.visit(link + name.replace("_", "-") + "/", name)

    # After the day: the host reports 25 paper signatures.
    start = timezone.now() - timedelta(days=1)
    EventPage.objects.filter(pk=event.pk).update(start=start, end=start + timedelta(hours=3))
    pages.visit(link, "page-after")
    host_tab.get_by_role("link", name="Say how many signed on paper").click()
    pages.check("paper")
    fill_form(host_tab, "form[method=post]", {"signatures": "25", "note": "Two sheets, posted on Monday."})
    submit_button(host_tab, "form[method=post]").click()
    expect(host_tab.locator(".notice")).to_contain_text("The organisers will add the paper signatures")
    pages.check("paper-reported")
    assert PaperReport.objects.get().signatures == 25
    pages.visit(link + "came/", "came")

    admin.goto("/admin/hosts/paperreport/")
    expect(admin.locator(".result-list")).to_contain_text("25")
    admin.get_by_role("link", name="Import the sheets").click()
    expect(admin.locator("main")).to_contain_text("reported 25 signatures on paper")
    admin.screenshot(path=str(pages.folder / "admin-paper-import.png"), full_page=True)
    admin_context.close()
    visitor_context.close()

    # A stranger's altered link: a plain page that offers a new link by email.
    pages.visit(link[:-4] + "x/", "bad-link", status=400)
    fill_form(host_tab, "form[method=post]", {"email": SUBMITTER})
    submit_button(host_tab, "form[method=post]").click()
    expect(host_tab.get_by_role("heading", level=1)).to_have_text("Check your inbox")
    pages.check("new-link-sent")
    assert Host.objects.count() == 1

    errors = html_checker(pages.documents)
    assert not errors, format_html_errors(errors)
    assert not pages.violations, format_violations(pages.violations, "the host's pages")
