"""The motion tracker: a report, confirmed by link, verified by an organiser, asked about after the meeting."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Site

from campaign.motion import tracker
from campaign.motion.models import MotionReport
from campaign.motion.tasks import follow_up_motion_reports
from statements.models import Union
from tests.core.test_menu_badges import menu_links
from tests.html import visible_text
from tests.motion.factories import MotionReportFactory
from tests.statements.factories import SignatureFactory
from tests.statements.visitor import path_of

pytestmark = pytest.mark.django_db


def today():
    """Today in London as the test runs (a constant made at import is another day in a test run at another moment)."""
    return timezone.localdate()


@pytest.fixture
def unite(db):
    return Union.objects.create(name="Unite")


def report_data(**changes):
    data = {
        "body_name": "Leeds Central branch",
        "body_type": "union",
        "union": "other",
        "union_other": "GMB",
        "region": "yorkshire",
        "status": "tabled",
        "meeting_date": (today() + timedelta(days=7)).isoformat(),
        "reporter_role": "Branch Secretary",
        "email": "secretary@example.org",
        "website": "",
    }
    data.update(changes)
    return data


def button_form(response):
    """(action, fields) of the page's one POST form with hidden fields, as a browser would send it."""
    html = response.content.decode()
    form = re.search(r'<form method="post" action="([^"]+)"[^>]*>(.*?)</form>', html, re.S)
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form.group(2)))
    fields.pop("csrfmiddlewaretoken", None)
    return form.group(1), {key: value.replace("&amp;", "&") for key, value in fields.items()}


@pytest.fixture
def follow_up(django_capture_on_commit_callbacks):
    """Run the scheduled job as the worker would, sending its emails (tests never commit)."""

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            return follow_up_motion_reports.call()

    return run


def links_in(message):
    return re.findall(r"https?://\S+/report/\S+", message.body)


def report_and_confirm(client, **changes):
    mail.outbox.clear()
    response = client.post("/motion/report/", report_data(**changes))
    assert response.status_code == 302, visible_text(response)
    (link,) = links_in(mail.outbox[-1])
    opened = client.get(path_of(link))
    assert (
        MotionReport.objects.get(body_name=changes.get("body_name", "Leeds Central branch")).email_confirmed_at is None
    )
    action, fields = button_form(opened)
    assert client.post(action, fields).status_code == 302
    return MotionReport.objects.get(body_name=changes.get("body_name", "Leeds Central branch"))


def test_a_confirmed_report_is_public_only_once_verified(client, motion_page, unite, organiser):
    report = report_and_confirm(client, union=str(unite.pk), status="passed", meeting_date=today().isoformat())

    assert report.email_confirmed_at is not None
    assert "Motion report to verify: Leeds Central branch (passed)" in mail.outbox[-1].subject
    assert "Leeds Central branch" not in visible_text(client.get("/motion/"))

    client.force_login(organiser)
    screen = client.get("/admin/motion/reports/verify/")
    assert "Leeds Central branch" in visible_text(screen)
    response = client.post(
        "/admin/motion/reports/verify/", {"reports": [report.pk], "verification": "phone"}, follow=True
    )
    assert "1 report verified" in visible_text(response)
    report.refresh_from_db()
    assert (report.verification, report.verified_by) == ("phone", organiser)

    text = visible_text(client.get("/motion/"))
    assert "Passed by 1 body" in text
    assert f"Yorkshire and the Humber Leeds Central branch (Unite): passed, {today():%-d %B %Y}" in text


def test_bulk_verify_needs_a_ticked_report_and_how_it_was_checked(client, motion_page, organiser, editor):
    report = report_and_confirm(client)
    client.force_login(organiser)

    response = client.post("/admin/motion/reports/verify/", {"reports": [report.pk]})
    assert "Say how you checked them: by phone, or a second officer confirmed." in visible_text(response)
    response = client.post("/admin/motion/reports/verify/", {"verification": "phone"})
    assert "Tick at least one report to verify." in visible_text(response)
    assert not MotionReport.objects.filter(verified_at__isnull=False).exists()

    client.force_login(editor)  # may edit pages, not verify reports: sent back to the dashboard
    assert "Leeds Central branch" not in visible_text(client.get("/admin/motion/reports/verify/", follow=True))
    client.post("/admin/motion/reports/verify/", {"reports": [report.pk], "verification": "phone"})
    assert not MotionReport.objects.filter(verified_at__isnull=False).exists()


def test_a_report_waiting_in_the_list_has_a_verify_button_that_ticks_it(client, motion_page, organiser):
    waiting = report_and_confirm(client, body_name="Hull Trades Council")
    MotionReportFactory(body_name="Unconfirmed branch")  # its reporter has not confirmed: nothing to verify yet
    client.force_login(organiser)

    listing = client.get("/admin/motion/motionreport/").content.decode()
    buttons = re.findall(r'href="(/admin/motion/reports/verify/\?report=\d+)"', listing)
    assert buttons == [f"/admin/motion/reports/verify/?report={waiting.pk}"]

    screen = client.get(buttons[0]).content.decode()
    assert re.search(rf'value="{waiting.pk}" id="report-{waiting.pk}" checked', screen)
    client.post("/admin/motion/reports/verify/", {"reports": [waiting.pk], "verification": "phone"})
    waiting.refresh_from_db()
    assert waiting.is_verified
    assert "/admin/motion/reports/verify/?report=" not in client.get("/admin/motion/motionreport/").content.decode()


def test_opening_the_link_alone_confirms_nothing_and_a_bad_link_says_so(client, motion_page):
    client.post("/motion/report/", report_data())
    (link,) = links_in(mail.outbox[-1])
    client.get(path_of(link))
    client.head(path_of(link))
    assert MotionReport.objects.get().email_confirmed_at is None

    response = client.get("/motion/report/confirm/?token=broken")
    assert response.status_code == 400
    assert "This link does not work" in visible_text(response)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"meeting_date": (today() - timedelta(days=1)).isoformat()},
            "That date has passed: for a meeting that has happened, please say how it went",
        ),
        (
            {"status": "passed", "meeting_date": (today() + timedelta(days=3)).isoformat()},
            "That meeting is still to come: please choose “Tabled for a meeting”.",
        ),
        ({"union": "12345"}, "Please choose a union from the list, or choose “Another union” and give its name."),
        ({"union": "other", "union_other": ""}, "Please give the union’s name."),
        ({"meeting_date": "next Tuesday"}, "Please give the meeting’s date, for example 14/05/2027."),
        ({"region": ""}, "Please choose the body’s nation or region."),
    ],
)
def test_bad_input_gets_a_clear_message_and_nothing_is_lost(client, motion_page, changes, message):
    response = client.post("/motion/report/", report_data(**changes))

    assert response.status_code == 200
    assert message in visible_text(response)
    assert 'value="Branch Secretary"' in response.content.decode()
    assert not MotionReport.objects.exists()


def test_a_body_already_verified_as_passed_is_not_reported_again(client, motion_page, organiser):
    report = report_and_confirm(client, status="passed", meeting_date=today().isoformat())
    tracker.verify(MotionReport.objects.filter(pk=report.pk), organiser, "second_officer")

    response = client.post("/motion/report/", report_data(body_name="  leeds central  BRANCH"))

    assert f"Leeds Central branch is already on our list: it passed the motion on {today():%-d %B %Y}" in (
        visible_text(response)
    )
    assert MotionReport.objects.count() == 1


def test_the_follow_up_asks_after_the_meeting_and_passed_updates_the_public_list(
    client, motion_page, organiser, follow_up
):
    report = report_and_confirm(client)
    tracker.verify(MotionReport.objects.filter(pk=report.pk), organiser, "phone")
    SignatureFactory(organisation_kind=True, organisation="Leeds Central branch", page__parent=motion_page.get_parent())
    MotionReport.objects.filter(pk=report.pk).update(meeting_date=today() - timedelta(days=1))
    mail.outbox.clear()

    follow_up()
    follow_up()  # once per meeting date

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "How did the meeting go? The motion at Leeds Central branch"
    passed_link = next(link for link in links_in(message) if "answer=passed" in link)
    page = client.get(path_of(passed_link))
    assert "your answer: Passed" in visible_text(page)
    assert MotionReport.objects.get().status == "tabled"  # opening the link changes nothing

    action, fields = button_form(page)
    response = client.post(action, fields)
    assert "It is on the public list." in visible_text(response)
    text = visible_text(client.get("/motion/"))
    assert "Passed by 1 body" in text
    assert "Signed the statement" in text


def test_postponed_asks_for_a_new_date_and_asks_again_after_it(client, motion_page, follow_up):
    report = report_and_confirm(client)
    MotionReport.objects.filter(pk=report.pk).update(meeting_date=today() - timedelta(days=3))
    follow_up()
    link = next(link for link in links_in(mail.outbox[-1]) if "answer=postponed" in link)
    action, fields = button_form(client.get(path_of(link)))

    response = client.post(action, {**fields, "new_date": (today() - timedelta(days=2)).isoformat()})
    assert "Please give a date after today." in visible_text(response)
    new_date = today() + timedelta(days=14)
    response = client.post(action, {**fields, "new_date": new_date.isoformat()})
    assert f"We have the new date, {new_date:%-d %B %Y}" in visible_text(response)
    assert client.get(path_of(link)).status_code == 400  # the old email's buttons no longer apply

    mail.outbox.clear()
    follow_up()
    assert mail.outbox == []  # not before the new date
    MotionReport.objects.filter(pk=report.pk).update(meeting_date=today() - timedelta(days=1))  # the new date passes
    follow_up()
    assert len(mail.outbox) == 1


def test_the_motion_page_and_download_offer_to_report(client, motion_page):
    html = client.get("/motion/").content.decode()
    assert html.count('<a href="/motion/report/">Tell us when it is tabled</a>') == 1
    assert '<a href="/motion/report/">tell us when it is tabled</a>' in html
    assert "No body has reported passing it yet: be the first." in visible_text(client.get("/motion/"))


def test_the_demo_lists_invented_bodies_that_passed_by_region(client):
    call_command("load_demo_content", verbosity=0)
    Site.objects.filter(is_default_site=True).update(hostname="testserver")

    text = visible_text(client.get("/motion/"))
    assert "Passed by 6 bodies" in text
    assert "East of England Eastport Unite branch (Unite): passed" in text
    assert "Signed the statement" in text  # Eastport's branch signed the demo statement too
    assert "Southbay GMB branch" not in text  # defeated: kept for organisers, not listed
    assert "Hilltown RMT branch" not in text  # not verified yet
    assert all(email.endswith("@example.org") for email in MotionReport.objects.values_list("email", flat=True))


def test_organisers_find_every_report_under_requests(client, motion_page, organiser, editor):
    report_and_confirm(client)

    client.force_login(organiser)
    listing = client.get("/admin/motion/motionreport/")
    assert "Leeds Central branch" in visible_text(listing)
    report = MotionReport.objects.get()
    assert client.get(f"/admin/motion/motionreport/edit/{report.pk}/").status_code == 200
    client.force_login(editor)
    assert "Leeds Central branch" not in visible_text(client.get("/admin/motion/motionreport/", follow=True))


def test_the_menu_counts_the_reports_waiting_for_verification(client, organiser):
    MotionReportFactory(email_confirmed_at=timezone.now())
    MotionReportFactory(email_confirmed_at=timezone.now(), verified_at=timezone.now())
    MotionReportFactory()  # its reporter has not confirmed yet
    client.force_login(organiser)
    links = menu_links(client.get("/admin/").content.decode())
    assert links["Motion reports"]["aria-label"] == "Motion reports, 1 new"
