"""Every admin screen an organiser or editor uses speaks to people: no raw field names ("Qr heading", "ID").

Walks the edit screen of one page of every kind in the demo site, and the
list, inspect and edit screens of every request, and reads their labels,
column headings and panel headings.
"""

import html
import re

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from core.emails import send_email
from tests.events.factories import EventSubmissionFactory
from tests.materials.factories import PrintOrderFactory
from tests.motion.factories import SpeakerRequestFactory

pytestmark = pytest.mark.django_db

# Names as the code has them, which Django would turn into labels: none may reach a screen.
RAW = {
    "ID",
    "Qr heading",
    "Qr text",
    "Order intro",
    "Order thanks",
    "Speaker intro",
    "Speaker thanks",
    "Actions heading",
    "Updates heading",
    "Events heading",
    "Form intro",
    "Submit label",
    "To address",
    "Enqueued at",
    "Exception class path",
    "Args kwargs",
    "Task path",
}
LABEL = re.compile(r"<(label|th|dt|h2|legend)\b[^>]*>(.*?)</\1>", re.S)


def labels(page_html):
    """Each label, heading and column title on the screen, as text, without the "required" star."""
    found = []
    for _, inner in LABEL.findall(page_html):
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inner)).split()).removesuffix(" *")
        if text:
            found.append(text)
    return found


def screens(home_page):
    pages = {}
    for page in Page.objects.filter(depth__gt=2).order_by("path"):
        pages.setdefault(page.specific_class, f"/admin/pages/{page.pk}/edit/")
    urls = [f"/admin/pages/{home_page.pk}/edit/", *pages.values()]
    for path, record in [
        ("events/eventsubmission", EventSubmissionFactory()),
        ("materials/printorder", PrintOrderFactory()),
        ("motion/speakerrequest", SpeakerRequestFactory()),
    ]:
        urls += [f"/admin/{path}/", f"/admin/{path}/inspect/{record.pk}/", f"/admin/{path}/edit/{record.pk}/"]
    failed = DBTaskResult.objects.create(
        task_path=send_email.module_path,
        args_kwargs={"args": ["statements/confirm", 1], "kwargs": {}},
        backend_name="default",
        run_after=timezone.now(),
        status="FAILED",
        exception_class_path="smtplib.SMTPServerDisconnected",
        traceback="Traceback ...",
    )
    urls += [
        "/admin/django_tasks_database/dbtaskresult/",
        f"/admin/django_tasks_database/dbtaskresult/inspect/{failed.pk}/",
    ]
    return urls


def test_no_screen_shows_a_raw_field_name(client, organiser, demo_content):
    organiser.groups.add(Group.objects.get(name="Editors"))
    client.force_login(organiser)

    for url in screens(demo_content):
        response = client.get(url)
        assert response.status_code == 200, url
        raw = RAW.intersection(labels(response.content.decode()))
        assert not raw, f"{url} shows {sorted(raw)}"


def test_a_submitted_activity_is_edited_in_the_order_it_was_submitted(client, organiser):
    submission = EventSubmissionFactory()
    client.force_login(organiser)

    found = labels(client.get(f"/admin/events/eventsubmission/edit/{submission.pk}/").content.decode())

    assert found.index("Assigned to") < found.index("Name of the activity") < found.index("Kind")
