"""Every admin list downloads what it shows: the same columns, in the same order, under the same headings.

An organiser works from the list and from the spreadsheet alike: posting an
order needs the address, answering a request the email. So a list shows what
its CSV and XLSX hold, each cell as the list writes it (a status's label, a
date as the list has it); a long text (address, notes) is one shortened line
in the list and whole in the download. Columns only some staff may see (the
signatures' emails) are in both or in neither.
"""

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory

from campaign.events.models import Rsvp
from campaign.motion.models import MotionReport, SpeakerRequest
from core.admin import DefaultNewFilter
from core.exports import defuse_formula
from tests.conftest import make_user
from tests.core.spreadsheets import read_csv_download, read_xlsx_download
from tests.core.test_admin_lists import registered_model_admins
from tests.events.factories import EventIndexPageFactory, EventPageFactory, EventSubmissionFactory
from tests.materials.factories import MaterialFactory, MaterialsPageFactory, PrintOrderFactory
from tests.motion.factories import MotionReportFactory, SpeakerRequestFactory
from tests.statements.factories import SignatureFactory, StatementPageFactory

pytestmark = pytest.mark.django_db

ADDRESS = "Leeds Unison Local Government Branch\nCivic Hall, Calverley Street\nLeeds\nLS1 1UR"
NOTES = "Please send before our AGM.\nThe office is closed on Mondays, so Tuesday to Friday is best for deliveries."


def shown_list(response):
    """The list as an organiser reads it: its headings, and each row's cells (a row's first, without its buttons)."""
    assert response.status_code == 200
    table = BeautifulSoup(response.content, "html.parser").select_one(".result-list table")
    headings = [words(th) for th in table.select("thead th")]
    rows = [[words(td.select_one(".title-wrapper") or td) for td in tr.select("td")] for tr in table.select("tbody tr")]
    return headings, rows


def words(element_or_text):
    text = element_or_text if isinstance(element_or_text, str) else element_or_text.get_text(" ")
    return " ".join(text.split())


def as_text(cell):
    return "" if cell is None else str(cell)


def downloads(client, url, query):
    """The CSV's and the XLSX's headings and rows, every cell as text."""
    csv_rows = read_csv_download(client.get(url, {**query, "export": "csv"}))
    sheet = read_xlsx_download(client.get(url, {**query, "export": "xlsx"}))
    csv_headings = list(csv_rows[0]) if csv_rows else None
    return (
        (csv_headings, [[as_text(cell) for cell in row.values()] for row in csv_rows]),
        ([as_text(cell) for cell in sheet[0]], [[as_text(cell) for cell in row] for row in sheet[1:]]),
    )


def assert_download_matches_list(client, url, query, shortened=()):
    """Both downloads have the list's headings and, row by row, its cells: defused, and `shortened` columns whole."""
    headings, rows = shown_list(client.get(url, query))
    assert rows, "nothing listed to compare"
    for download_headings, download_rows in downloads(client, url, query):
        assert download_headings == headings
        assert len(download_rows) == len(rows)
        for shown_row, downloaded_row in zip(rows, download_rows, strict=True):
            for heading, shown, downloaded in zip(headings, shown_row, downloaded_row, strict=True):
                if heading in shortened:  # its lines joined on one, and cut short if long
                    one_line = ", ".join(line.strip() for line in downloaded.splitlines() if line.strip())
                    cut = shown.endswith("…")
                    assert (
                        one_line.startswith(shown[:-1]) and len(one_line) > len(shown) if cut else one_line == shown
                    ), (heading, shown, one_line)
                else:
                    assert words(downloaded) == defuse_formula(shown), heading
    return headings, rows


def test_print_orders_list_and_download_the_address_email_and_notes(client, organiser, home_page):
    order = PrintOrderFactory(name="Rosa Luxemburg", email="rosa@example.org", address=ADDRESS, notes=NOTES)
    order.lines.create(title="A3 poster", quantity=50)
    PrintOrderFactory(name="=Karl", organisation="", address="1 Short Street", notes="", needed_by=None)
    client.force_login(organiser)
    url, everything = "/admin/materials/printorder/", {"status__exact": "all"}

    headings, rows = assert_download_matches_list(client, url, everything, shortened={"Delivery address", "Notes"})

    assert headings == [
        "Name", "Email", "Organisation", "Delivery address", "Items", "Needed by", "Notes", "Status", "Assigned to",
        "Created",
    ]  # fmt: skip
    rosa = rows[[row[0] for row in rows].index("Rosa Luxemburg")]
    assert rosa[1] == "rosa@example.org" and rosa[4] == "50 × A3 poster" and rosa[7] == "New"
    assert rosa[3].startswith("Leeds Unison Local Government Branch, C") and rosa[3].endswith("…")
    assert len(rosa[3]) <= 40  # one short line in the list
    csv_rows = read_csv_download(client.get(url, {**everything, "export": "csv"}))
    assert {row["Delivery address"] for row in csv_rows} == {ADDRESS, "1 Short Street"}  # whole, as typed
    assert NOTES in {row["Notes"] for row in csv_rows}


def test_speaker_invitations_list_and_download_who_to_contact_and_where(client, organiser, home_page):
    SpeakerRequestFactory(
        organisation="Unite the Union", branch="Sheffield Central", contact_name="Tom Mann", phone="07700 900456",
        format=SpeakerRequest.Format.IN_PERSON, place="Sheffield Town Hall", audience_size=120, notes=NOTES,
        speaker="Jo Grady", status=SpeakerRequest.Status.ARRANGED,
    )  # fmt: skip
    SpeakerRequestFactory(organisation="GMB", branch="", contact_name="Eleanor Marx", email="eleanor@example.org")
    client.force_login(organiser)

    headings, rows = assert_download_matches_list(
        client, "/admin/motion/speakerrequest/", {"status__exact": "all"}, shortened={"Notes"}
    )

    assert headings == [
        "Organisation", "Contact", "Email", "Proposed date or dates", "In person or online", "Expected audience",
        "Notes", "Speaker", "Status", "Assigned to", "Created",
    ]  # fmt: skip
    unite = rows[[row[0] for row in rows].index("Unite the Union, Sheffield Central")]
    assert unite[1:3] == ["Tom Mann, 07700 900456", "tom@example.org"]
    assert unite[4:6] == ["In person: Sheffield Town Hall", "120"]
    assert unite[7:9] == ["Jo Grady", "Speaker arranged"]


def test_motion_reports_list_and_download_the_reporter_and_how_it_was_verified(client, organiser, home_page):
    MotionReportFactory(body_name="Leeds Trades Council", email="sec@example.org")
    MotionReportFactory(body_name="Unison Wales", union_other="", verification=MotionReport.Verification.PHONE)
    MotionReport.objects.filter(body_name="Unison Wales").update(verified_at="2026-11-30T12:00:00Z")
    client.force_login(organiser)

    headings, rows = assert_download_matches_list(client, "/admin/motion/motionreport/", {})

    assert headings == [
        "Body", "Union", "Nation or region", "Status", "Date of the meeting", "Reporter's role in the body",
        "Reporter's email", "Verified", "Created",
    ]  # fmt: skip
    verified = rows[[row[0].startswith("Unison Wales") for row in rows].index(True)]
    assert verified[7] == "30 Nov 2026: verified by phone"
    assert "sec@example.org" in [row[6] for row in rows]


def test_submitted_activities_list_and_download_who_submitted_them(client, organiser, home_page):
    EventSubmissionFactory(title="Calder Valley street stall", organiser_name="Hebden Bridge supporters")
    EventSubmissionFactory(title="@Rejected stall", status="rejected")
    client.force_login(organiser)

    headings, rows = assert_download_matches_list(client, "/admin/events/eventsubmission/", {"status__exact": "all"})

    assert headings == [
        "Name of the activity", "Kind", "Start", "Town or area", "Organiser", "Email", "Status", "Assigned to",
        "Created",
    ]  # fmt: skip
    assert {row[4] for row in rows} >= {"Hebden Bridge supporters"}


def signature_lists(home_page):
    page = StatementPageFactory(parent=home_page)
    SignatureFactory(page=page, name="Zoë Jones", email="zoe@example.org")


def rsvps(home_page):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page), takes_rsvps=True)
    Rsvp.objects.create(event=event, name="Coming Carla", email="carla@example.org", phone="07700 900123")


# A record for each list that downloads, so its headings can be read off the page (an empty list has no table).
RECORDS = {
    "printorder": lambda home_page: PrintOrderFactory(),
    "material": lambda home_page: MaterialFactory(page=MaterialsPageFactory(parent=home_page)),
    "speakerrequest": lambda home_page: SpeakerRequestFactory(),
    "motionreport": lambda home_page: MotionReportFactory(),
    "eventsubmission": lambda home_page: EventSubmissionFactory(),
    "rsvp": rsvps,
    "signature": signature_lists,
}


def everything(model_admin, request):
    """The query that lists every record: a request list opens on "New"."""
    return {"status__exact": "all"} if DefaultNewFilter in model_admin.get_list_filter(request) else {}


def as_user(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def test_no_list_downloads_a_column_it_does_not_show(superuser, organiser, home_page):
    """Walks every registered list, for staff who may see everything, organisers and a signatures exporter.

    The exporter may download signatures but not see emails: the list and its download both go without them.
    """
    exporter = make_user(
        "exporter",
        permissions=["wagtailadmin.access_admin", "statements.view_signature", "statements.export_signature"],
    )
    model_admins = registered_model_admins()
    assert {admin.model._meta.model_name for admin in model_admins} >= set(RECORDS)
    for user in (superuser, organiser, exporter):
        for model_admin in model_admins:
            request = as_user(user)
            columns = tuple(model_admin.get_list_display(request))
            assert tuple(model_admin.get_list_export(request)) in ((), columns), model_admin
    signatures = next(admin for admin in model_admins if admin.model._meta.model_name == "signature")
    assert "email_address" in signatures.get_list_export(as_user(organiser))
    assert "email_address" not in signatures.get_list_export(as_user(exporter))
    assert signatures.get_list_export(as_user(exporter))


def test_every_list_that_downloads_has_the_lists_headings_in_both_formats(client, superuser, home_page):
    client.force_login(superuser)
    downloading = [admin for admin in registered_model_admins() if admin.get_list_export(as_user(superuser))]
    assert len(downloading) >= len(RECORDS)
    for model_admin in downloading:
        name = model_admin.model._meta.model_name
        assert name in RECORDS, f"{name}: a list that downloads needs a record here, so its columns are checked"
        RECORDS[name](home_page)
        url = model_admin.url_helper.index_url
        query = everything(model_admin, as_user(superuser))
        headings, _ = shown_list(client.get(url, query))
        for download_headings, _ in downloads(client, url, query):
            assert download_headings == headings, name


def test_a_list_without_downloads_offers_no_buttons_and_refuses_one(client, superuser, home_page):
    client.force_login(superuser)
    quiet = [admin for admin in registered_model_admins() if not admin.get_list_export(as_user(superuser))]
    assert quiet  # email tasks, stalls, email updates
    for model_admin in quiet:
        url = model_admin.url_helper.index_url
        assert "Download CSV" not in client.get(url).content.decode(), url
        assert client.get(url, {"export": "csv"}).status_code == 400, url
