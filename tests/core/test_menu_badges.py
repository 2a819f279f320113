"""The admin menu tells an organiser how many requests wait, on the item that opens their list.

The sidebar is drawn by Wagtail's script from the props in the page, so the
tests read those props: each item's label and the attributes put on its link.
"""

import json

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.forms.models import FormSubmission

from campaign.form_pages.models import HandledSubmission
from campaign.materials.models import PrintOrder
from tests.events.factories import EventSubmissionFactory
from tests.form_pages.factories import FormPageFactory
from tests.materials.factories import PrintOrderFactory
from tests.motion.factories import SpeakerRequestFactory

pytestmark = pytest.mark.django_db


def menu_links(html):
    """{label: attributes of its link} for every item of the sidebar, submenus included."""
    start = html.index('id="wagtail-sidebar-props"')
    props = json.loads(html[html.index(">", start) + 1 : html.index("</script>", start)])
    links = {}

    def walk(value):
        if isinstance(value, dict):
            if "label" in value and "attrs" in value:
                links[value["label"]] = value["attrs"]
            for child in value.values():
                walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    walk(props)
    return links


def admin_page(client, user, url="/admin/"):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_each_request_list_shows_how_many_are_new_and_requests_their_sum(client, organiser):
    EventSubmissionFactory.create_batch(2)
    PrintOrderFactory.create_batch(3)
    PrintOrderFactory(status=PrintOrder.Status.SENT)

    links = menu_links(admin_page(client, organiser))

    assert links["Print orders"] == {"data-new-count": "3", "aria-label": "Print orders, 3 new"}
    assert links["Submitted activities"]["aria-label"] == "Submitted activities, 2 new"
    assert "aria-label" not in links["Speaker requests"]  # none new: no badge
    assert "aria-label" not in links["Downloads"]  # a report, not a list to work through
    assert links["Requests"]["aria-label"] == "Requests, 5 new"


def test_form_submissions_count_until_someone_handles_them(client, organiser, home_page):
    organiser.groups.add(Group.objects.get(name="Editors"))
    page = FormPageFactory(parent=home_page)
    first, _ = (FormSubmission.objects.create(page=page, form_data={}) for _ in range(2))
    assert menu_links(admin_page(client, organiser))["Forms"]["aria-label"] == "Forms, 2 new"

    HandledSubmission.objects.create(submission=first)

    assert menu_links(admin_page(client, organiser))["Forms"]["aria-label"] == "Forms, 1 new"


def test_plain_editors_see_no_requests_and_no_counts(client, editor, home_page):
    PrintOrderFactory()
    page = FormPageFactory(parent=home_page)
    FormSubmission.objects.create(page=page, form_data={})

    links = menu_links(admin_page(client, editor))

    assert "Requests" not in links and "Print orders" not in links
    assert all("data-new-count" not in attrs for attrs in links.values())


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/admin/", "/admin/materials/printorder/"])
def test_the_badges_cost_the_same_queries_however_many_requests_wait(client, organiser, home_page, url):
    PrintOrderFactory()
    SpeakerRequestFactory()
    client.force_login(organiser)
    client.get(url)  # a first visit warms what Wagtail caches per process
    with_one = count_queries(client, url)

    PrintOrderFactory.create_batch(20)
    SpeakerRequestFactory.create_batch(20)
    EventSubmissionFactory.create_batch(20)

    assert count_queries(client, url) == with_one
    assert menu_links(client.get(url).content.decode())["Requests"]["aria-label"] == "Requests, 62 new"
