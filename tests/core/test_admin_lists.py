"""Admin lists take only the filters they declare: no query parameter can ask about a hidden column.

wagtail-modeladmin, like Django's admin, would apply any query parameter as
a queryset filter, so `?email__regex=^a` answered yes or no about an address
the user may not see. Each list the project registers is tried here by a
user who may view that list and nothing more.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail import hooks
from wagtail_modeladmin.options import ModelAdmin

from campaign.events.models import EventSubmission
from campaign.materials.models import PrintOrder
from campaign.motion.models import SpeakerRequest
from core.admin import SafeModelAdmin, StrictIndexView
from core.emails import send_email
from tests.conftest import make_user
from tests.core.spreadsheets import read_csv_download, read_xlsx_download
from tests.events.factories import EventSubmissionFactory
from tests.materials.factories import MaterialFactory, MaterialsPageFactory, PrintOrderFactory
from tests.motion.factories import SpeakerRequestFactory
from tests.statements.factories import SignatureFactory, StatementPageFactory

pytestmark = pytest.mark.django_db


def signatures(home_page):
    page = StatementPageFactory(parent=home_page)
    SignatureFactory(page=page, name="Waiting Wendy", email="wendy@example.org", confirmed_at=None)
    SignatureFactory(page=page, name="Confirmed Carol")


def print_orders(home_page):
    PrintOrderFactory(name="New Nye", email="nye@example.org")
    PrintOrderFactory(name="Sent Sylvia", status=PrintOrder.Status.SENT)


def downloads(home_page):
    shown = MaterialsPageFactory(parent=home_page)
    other = MaterialsPageFactory(parent=home_page, title="Old materials", slug="old-materials")
    MaterialFactory(page=shown, title="Shown poster")
    MaterialFactory(page=other, title="Other poster")
    return {"page__page_ptr__exact": shown.pk}  # a page's primary key is its page_ptr


def speaker_requests(home_page):
    SpeakerRequestFactory(contact_name="Online Olive", email="olive@example.org")
    SpeakerRequestFactory(contact_name="Hall Harry", format=SpeakerRequest.Format.IN_PERSON)


def submitted_activities(home_page):
    EventSubmissionFactory(title="New stall", email="stall@example.org")
    EventSubmissionFactory(title="Rejected stall", status=EventSubmission.Status.REJECTED)


def email_task(template, status, to):
    return DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [template, [to], {}], "kwargs": {}},
        task_path=send_email.module_path,
        backend_name="default",
        queue_name="default",
        run_after=timezone.now(),
        exception_class_path="",
        traceback="",
    )


def email_tasks(home_page):
    email_task("statements/failed_confirmation", "FAILED", "secret@example.org")
    email_task("statements/sent_confirmation", "SUCCESSFUL", "other@example.org")


@dataclass
class AdminList:
    url: str
    permission: str
    make: Callable  # makes a record the declared filter keeps and one it drops; may return the filter
    declared: dict  # a filter the list declares
    kept: str
    dropped: str
    oracle: str = "email__regex"  # a lookup that would reveal something the list hides
    everything: dict = field(default_factory=dict)  # request lists open on "New"; this shows them all


LISTS = {
    "signatures": AdminList(
        "/admin/statements/signature/", "statements.view_signature", signatures,
        {"confirmed": "no"}, "Waiting Wendy", "Confirmed Carol",
    ),
    "print orders": AdminList(
        "/admin/materials/printorder/", "materials.view_printorder", print_orders,
        {"status__exact": "new"}, "New Nye", "Sent Sylvia", everything={"status__exact": "all"},
    ),
    "downloads": AdminList(
        "/admin/materials/material/", "materials.view_material", downloads,
        {}, "Shown poster", "Other poster", oracle="document__uploaded_by_user__password__regex",
    ),
    "speaker requests": AdminList(
        "/admin/motion/speakerrequest/", "motion.view_speakerrequest", speaker_requests,
        {"format__exact": "online"}, "Online Olive", "Hall Harry",
    ),
    "submitted activities": AdminList(
        "/admin/events/eventsubmission/", "events.view_eventsubmission", submitted_activities,
        {"status__exact": "new"}, "New stall", "Rejected stall", everything={"status__exact": "all"},
    ),
    "email tasks": AdminList(
        "/admin/django_tasks_database/dbtaskresult/", "django_tasks_database.view_dbtaskresult", email_tasks,
        {"status__exact": "FAILED"}, "failed_confirmation", "sent_confirmation", oracle="args_kwargs__icontains",
    ),
}  # fmt: skip


@pytest.fixture(params=LISTS.values(), ids=LISTS.keys())
def admin_list(request, client, home_page):
    """One of the lists, with its records, and the client signed in as a user who may only view it."""
    case = request.param
    made_filter = case.make(home_page) or {}
    client.force_login(make_user("viewer", permissions=["wagtailadmin.access_admin", case.permission]))
    return replace(case, declared={**case.declared, **made_filter})


def test_a_viewer_cannot_use_a_list_as_an_oracle(client, admin_list):
    assert client.get(admin_list.url).status_code == 200
    for lookup in [admin_list.oracle, "email__startswith", "page__owner__password__regex", "pk__gt", "ot", "x"]:
        response = client.get(admin_list.url, {lookup: "a"})
        assert response.status_code == 400, lookup
        assert b"This list cannot be filtered" in response.content


def test_declared_filters_search_ordering_and_paging_still_work(client, admin_list):
    everything = client.get(admin_list.url, admin_list.everything).content.decode()
    assert admin_list.kept in everything and admin_list.dropped in everything

    response = client.get(admin_list.url, {**admin_list.declared, "o": "0", "p": "1", "q": ""})

    assert response.status_code == 200
    html = response.content.decode()
    assert admin_list.kept in html and admin_list.dropped not in html


def test_a_download_in_a_format_no_list_offers_is_a_400(client, admin_list):
    assert client.get(admin_list.url, {"export": "pdf"}).status_code == 400


def test_a_declared_filter_given_nonsense_is_a_400_not_a_500(client, organiser, home_page):
    downloads(home_page)  # two pages to choose from, so the page filter is shown and applied
    client.force_login(organiser)
    assert client.get("/admin/materials/material/", {"page__page_ptr__exact": "abc"}).status_code == 400
    assert client.get("/admin/materials/printorder/", {"created__gte": "nonsense"}).status_code == 400


def test_print_orders_date_filter_still_works(client, organiser):
    PrintOrderFactory(name="Recent Rita")
    client.force_login(organiser)
    tomorrow = str(timezone.localtime() + datetime.timedelta(days=1))  # as the filter's own links give it
    assert "Recent Rita" in client.get("/admin/materials/printorder/", {"created__lt": tomorrow}).content.decode()
    assert "Recent Rita" not in client.get("/admin/materials/printorder/", {"created__gte": tomorrow}).content.decode()


def test_a_list_that_offers_no_download_refuses_one(client, superuser, home_page):
    client.force_login(superuser)
    assert client.get("/admin/django_tasks_database/dbtaskresult/", {"export": "csv"}).status_code == 400
    assert client.get("/admin/statements/signature/", {"export": "pdf"}).status_code == 400  # CSV and XLSX only


def test_every_list_that_downloads_offers_csv_and_xlsx_with_the_same_cells(client, superuser, home_page):
    print_orders(home_page)
    client.force_login(superuser)
    for url in ("/admin/materials/printorder/", "/admin/events/eventsubmission/", "/admin/statements/signature/"):
        page = client.get(url).content.decode()
        assert "Download CSV" in page and "Download XLSX" in page, url
    rows = read_csv_download(client.get("/admin/materials/printorder/", {"export": "csv"}))
    sheet = read_xlsx_download(client.get("/admin/materials/printorder/", {"export": "xlsx"}))
    assert sheet[0] == list(rows[0])
    assert [[cell or "" for cell in row] for row in sheet[1:]] == [list(row.values()) for row in rows]


def registered_model_admins():
    """Every ModelAdmin registered with Wagtail, found through the admin URLs it registers (its views' owner)."""
    owners = {
        getattr(getattr(pattern, "callback", None), "__self__", None)
        for hook in hooks.get_hooks("register_admin_urls")
        for pattern in hook()
    }
    return [owner for owner in owners if isinstance(owner, ModelAdmin)]


def test_every_registered_list_is_strict(client, superuser):
    """A ModelAdmin added later without SafeModelAdmin would bring the oracle back; this catches it."""
    model_admins = registered_model_admins()
    assert len(model_admins) >= len(LISTS)
    client.force_login(superuser)
    for model_admin in model_admins:
        assert isinstance(model_admin, SafeModelAdmin), model_admin
        assert issubclass(model_admin.index_view_class, StrictIndexView), model_admin
        assert client.get(model_admin.url_helper.index_url, {"pk__regex": "."}).status_code == 400, model_admin
