"""The Signatures section of the admin: who sees what, CSV export, paper import."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Site

from statements.models import Signature, StatementPage, Union
from tests.conftest import make_user
from tests.core.spreadsheets import read_csv_download, read_xlsx_download
from tests.html import visible_text
from tests.statements.factories import SignatureFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/statements/signature/"
IMPORT_URL = "/admin/statements/import/"


@pytest.fixture
def demo_statement(demo_content):
    """The demo statement, with the demo's signatures."""
    return StatementPage.objects.get(slug="statement")


def refused(response):
    """Wagtail's admin answers a permission refusal with 403 or a redirect to the dashboard."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def read_csv(response):
    return read_csv_download(response)


def list_headings(html):
    head = html.split("result-list")[1].split("<tbody")[0]
    return [heading for th in re.findall(r"<th[^>]*>.*?</th>", head, re.S) if (heading := visible_text(th).strip())]


def list_rows(response):
    """The list's rows, as the text of each."""
    body = response.content.decode().split("result-list")[1].split("<tbody")[1].split("</tbody>")[0]
    return [visible_text(row) for row in re.findall(r"<tr[^>]*>.*?</tr>", body, re.S)]


def test_organiser_sees_signatures_with_their_emails_finds_them_by_email_and_reads_the_email_when_editing(
    client, organiser, demo_statement
):
    client.force_login(organiser)
    response = client.get(LIST_URL)
    assert response.status_code == 200
    text = visible_text(response)
    assert "Alex Example" in text
    assert "signer4@example.org" in text
    assert "Download CSV" in text and "Download XLSX" in text
    found = client.get(LIST_URL, {"q": "SIGNER4@example"})
    signature = Signature.objects.get(email="signer4@example.org")
    assert signature.name in visible_text(found)
    assert len(list_rows(found)) == 1
    assert "signer4@example.org" in client.get(f"{LIST_URL}edit/{signature.pk}/").content.decode()


def test_the_list_shows_status_kind_region_and_union_a_hundred_rows_a_screen(client, organiser, statement_page):
    unison = Union.objects.create(name="UNISON")
    SignatureFactory(page=statement_page, name="Ada Confirmed", region="wales", union=unison)
    SignatureFactory(page=statement_page, name="Bea Waiting", unconfirmed=True, union_other="Bakers")
    SignatureFactory(page=statement_page, name="Cy Held", unconfirmed=True, held_because="disposable")
    for number in range(110):
        SignatureFactory(page=statement_page, name=f"Filler {number}")
    client.force_login(organiser)

    response = client.get(LIST_URL)

    headings = list_headings(response.content.decode())
    assert headings == ["Signed as", "Email", "Status", "Kind", "Union", "Town, region", "Constituency", "Date"]
    rows = list_rows(response)
    assert len(rows) == 100
    assert not any("Ada Confirmed" in row for row in rows)  # the newest hundred: the fillers came last
    first = visible_text(client.get(LIST_URL, {"q": "Ada Confirmed"}))
    assert "Confirmed" in first and "Wales" in first and "UNISON" in first and "Person" in first
    assert "Waiting for the signer" in visible_text(client.get(LIST_URL, {"q": "Bea"}))
    assert "Bakers" in visible_text(client.get(LIST_URL, {"q": "Bea"}))
    assert "Held: a disposable email address" in visible_text(client.get(LIST_URL, {"q": "Cy Held"}))


def test_organisations_lead_with_their_own_name(client, organiser, demo_statement):
    client.force_login(organiser)
    text = visible_text(client.get(LIST_URL, {"q": "Anytown"}))
    assert "Anytown Trades Union Council — A. Secretary, Secretary" in text
    assert "Organisation" in text


def test_organisers_filter_by_status_and_why_held_kind_region_and_union(client, organiser, statement_page):
    unison = Union.objects.create(name="UNISON")
    SignatureFactory(page=statement_page, name="Ada Confirmed", region="wales", union=unison)
    SignatureFactory(page=statement_page, name="Bea Waiting", unconfirmed=True, kind="organisation")
    SignatureFactory(page=statement_page, name="Cy Held", unconfirmed=True, held_because="network")
    SignatureFactory(page=statement_page, name="Di Held", unconfirmed=True, held_because="disposable")
    client.force_login(organiser)

    def listed(**filters):
        response = client.get(LIST_URL, filters)
        assert response.status_code == 200
        text = " ".join(list_rows(response)) if "<tbody" in response.content.decode() else ""
        return [name for name in ("Ada Confirmed", "Bea Waiting", "Cy Held", "Di Held") if name in text]

    assert listed(confirmed="yes") == ["Ada Confirmed"]
    assert listed(confirmed="no") == ["Bea Waiting"]  # the held ones were never emailed: they wait for an organiser
    assert listed(confirmed="held") == ["Cy Held", "Di Held"]
    assert listed(confirmed="held-disposable") == ["Di Held"]
    assert listed(kind__exact="organisation") == ["Bea Waiting"]
    assert listed(region__exact="wales") == ["Ada Confirmed"]
    assert listed(union__id__exact=str(unison.pk)) == ["Ada Confirmed"]
    filters = visible_text(client.get(LIST_URL)).split("Filter")[-1]
    for heading in ("status", "kind", "nation or region", "union"):
        assert f"By {heading}" in filters


def test_a_row_offers_edit_only_and_deleting_is_on_the_edit_screen(client, organiser, statement_page):
    """No Delete beside each of a hundred names: one slip there would lose a real signature."""
    signature = SignatureFactory(page=statement_page)
    client.force_login(organiser)

    listing = client.get(LIST_URL).content.decode()
    edit_screen = client.get(f"{LIST_URL}edit/{signature.pk}/").content.decode()

    assert f"{LIST_URL}edit/{signature.pk}/" in listing
    assert f"{LIST_URL}delete/{signature.pk}/" not in listing
    assert f"{LIST_URL}delete/{signature.pk}/" in edit_screen
    assert client.get(f"{LIST_URL}delete/{signature.pk}/").status_code == 200  # it asks to confirm there


def test_a_signatures_edit_screen_says_where_it_stands_and_why(client, organiser, statement_page):
    held = SignatureFactory(page=statement_page, unconfirmed=True, held_because="network")
    waiting = SignatureFactory(page=statement_page, unconfirmed=True)
    client.force_login(organiser)

    held_text = visible_text(client.get(f"{LIST_URL}edit/{held.pk}/"))
    waiting_text = visible_text(client.get(f"{LIST_URL}edit/{waiting.pk}/"))

    assert "Held: over the email budget of its network" in held_text
    assert "until an organiser releases them" in held_text and "Review held signatures" in held_text
    assert "Waiting for the signer" in waiting_text


def test_plain_editor_cannot_open_signatures_or_export(client, editor, demo_statement):
    client.force_login(editor)
    assert refused(client.get(LIST_URL))
    assert refused(client.get(LIST_URL, {"export": "csv"}))
    assert refused(client.get(IMPORT_URL))
    menu = visible_text(client.get("/admin/"))
    assert "Signatures" not in menu


def test_viewer_without_email_permission_sees_no_emails_and_cannot_export(client, demo_statement):
    viewer = make_user("viewer", permissions=["wagtailadmin.access_admin", "statements.view_signature"])
    client.force_login(viewer)
    response = client.get(LIST_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Alex Example" in html
    assert "@example.org" not in visible_text(html).replace("viewer@example.org", "")
    assert "Download CSV" not in html
    assert refused(client.get(LIST_URL, {"export": "csv"}))


def test_export_streams_the_filtered_list_as_csv_and_xlsx_with_the_lists_columns(client, organiser, demo_statement):
    client.force_login(organiser)
    query = {"kind__exact": "organisation"}
    html = client.get(LIST_URL, query).content.decode()

    rows = read_csv(client.get(LIST_URL, {**query, "export": "csv"}))
    sheet = read_xlsx_download(client.get(LIST_URL, {**query, "export": "xlsx"}))

    assert list(rows[0]) == list_headings(html) == sheet[0]
    assert len(rows) == demo_statement.signatures.filter(kind="organisation").count() == 5
    assert {row["Kind"] for row in rows} == {"Organisation"}
    assert rows[0]["Email"].endswith("@example.org")
    assert [list(row.values()) for row in rows] == [[cell or "" for cell in row] for row in sheet[1:]]


def test_export_follows_search_too(client, organiser, demo_statement):
    client.force_login(organiser)
    rows = read_csv(client.get(LIST_URL, {"export": "csv", "q": "Sample"}))
    assert [row["Signed as"] for row in rows] == ["Jo Sample"]


def test_export_defuses_spreadsheet_formulas(client, organiser, demo_statement):
    SignatureFactory(page=demo_statement, name='=HYPERLINK("http://evil.example")', email="f@example.org")
    client.force_login(organiser)
    rows = read_csv(client.get(LIST_URL, {"export": "csv", "q": "HYPERLINK"}))
    assert rows[0]["Signed as"].startswith("'=")
    sheet = read_xlsx_download(client.get(LIST_URL, {"export": "xlsx", "q": "HYPERLINK"}))
    assert sheet[1][0].startswith("'=")


def test_without_the_email_permission_neither_the_list_nor_the_download_has_addresses(client, demo_statement):
    may = ["wagtailadmin.access_admin", "statements.view_signature", "statements.export_signature"]
    exporter = make_user("exporter", permissions=may)
    client.force_login(exporter)

    rows = read_csv(client.get(LIST_URL, {"export": "csv"}))

    assert "Email" not in rows[0]
    assert "Email" not in list_headings(client.get(LIST_URL).content.decode())
    assert "@" not in "".join("".join(row.values()) for row in rows)


def test_organiser_hides_an_abusive_name(client, organiser, demo_statement):
    abusive = SignatureFactory(page=demo_statement, name="Rude Word")
    Site.objects.filter(is_default_site=True).update(hostname="testserver")
    assert "Rude Word" in visible_text(client.get(demo_statement.url))
    client.force_login(organiser)
    edit_url = f"{LIST_URL}edit/{abusive.pk}/"
    form = client.get(edit_url)
    assert form.status_code == 200
    assert 'name="email"' in form.content.decode()
    data = {
        "kind": "person",
        "name": "Rude Word",
        "organisation": "",
        "role": "",
        "town": "Leeds",
        "email": abusive.email,
        "source": "web",
    }  # show_publicly left unticked
    response = client.post(edit_url, data)
    assert response.status_code == 302
    client.logout()
    assert "Rude Word" not in visible_text(client.get(demo_statement.url))
    assert demo_statement.counts()["total"] == 11  # the demo's ten and this one, still counted


def test_edit_form_hides_email_without_permission(client, demo_statement):
    changer = make_user("changer", permissions=["wagtailadmin.access_admin", "statements.change_signature"])
    client.force_login(changer)
    signature = demo_statement.signatures.first()
    html = client.get(f"{LIST_URL}edit/{signature.pk}/").content.decode()
    assert 'name="name"' in html
    assert 'name="email"' not in html


PAPER_CSV = (
    "\ufeffname,organisation,town,email,public\n"
    "Pat Paper,GMB,Hull,pat@example.org,yes\n"
    ",No Name Branch,Hull,,yes\n"
    "Dee Dupe,,York,signer4@example.org,no\n"
    "Bad Email,,York,not-an-email,yes\n"
    "Nell No Email,,Derby,,no\n"
    "Pat Again,,Hull,PAT@example.org,yes\n"
)


def test_paper_import_keeps_good_rows_and_reports_bad_ones(client, organiser, demo_statement):
    before = demo_statement.counts()["total"]
    client.force_login(organiser)
    upload = SimpleUploadedFile("sheet.csv", PAPER_CSV.encode(), content_type="text/csv")

    response = client.post(IMPORT_URL, {"page": demo_statement.pk, "source": "paper", "file": upload})

    assert response.status_code == 200
    text = visible_text(response)
    assert "2 signatures imported, 2 skipped, 2 lines with problems" in text
    assert "Line 3: name: This field is required." in text
    assert "Line 5: email: Enter a valid email address." in text
    assert "Line 4: this email address has already signed" in text
    assert "Line 7: the same email address as line 2" in text
    pat = Signature.objects.get(name="Pat Paper")
    assert pat.source == "paper" and pat.is_confirmed and pat.show_publicly
    assert Signature.objects.get(name="Nell No Email").email == ""
    assert demo_statement.counts()["total"] == before + 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe\x00garbage", "saved as UTF-8"),
        (b"who,what\nA,B\n", "including “name”"),
        (b"", "The submitted file is empty."),
    ],
)
def test_paper_import_refuses_unreadable_files_politely(client, organiser, demo_statement, content, message):
    client.force_login(organiser)
    upload = SimpleUploadedFile("sheet.csv", content, content_type="text/csv")
    response = client.post(IMPORT_URL, {"page": demo_statement.pk, "source": "paper", "file": upload})
    assert response.status_code == 200
    assert message in visible_text(response)


def test_export_without_the_email_permission_has_no_email_column(client, demo_statement):
    exporter = make_user(
        "exporter",
        permissions=["wagtailadmin.access_admin", "statements.view_signature", "statements.export_signature"],
    )
    client.force_login(exporter)
    response = client.get(LIST_URL, {"export": "csv"})
    rows = read_csv(response)
    assert len(rows) == demo_statement.signatures.count()
    assert "email" not in rows[0]
    assert "@" not in "".join(value for row in rows for value in row.values())


def test_export_keeps_accents_for_excel(client, organiser, demo_statement):
    SignatureFactory(page=demo_statement, name="Zoë Ó Súilleabháin")
    client.force_login(organiser)
    rows = read_csv(client.get(LIST_URL, {"export": "csv", "q": "Súilleabháin"}))
    assert [row["Signed as"] for row in rows] == ["Zoë Ó Súilleabháin"]


def post_import(client, content):
    upload = SimpleUploadedFile("sheet.csv", content, content_type="text/csv")
    return client.post(IMPORT_URL, {"page": StatementPage.objects.get().pk, "source": "paper", "file": upload})


def test_paper_import_reports_a_huge_field_and_keeps_the_other_lines(client, organiser, statement_page):
    client.force_login(organiser)
    huge = "x" * 200_000
    content = f"name,town\nAda Lovelace,London\n{huge},Leeds\nMary Somerville,Jedburgh\n".encode()

    response = post_import(client, content)

    assert response.status_code == 200
    text = visible_text(response)
    assert "2 signatures imported, 0 skipped, 1 line with problems" in text
    assert "Line 3: this line cannot be read as CSV" in text
    assert huge not in response.content.decode()
    assert set(statement_page.signatures.values_list("name", flat=True)) == {"Ada Lovelace", "Mary Somerville"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name,town\nAda,London\nZoë,Cardiff\nBen,York\nRené,Hull\n".encode("latin-1"), "These lines are not: 3, 5."),
        ("name,town\nAda,London\n".encode("utf-16"), "These lines are not: 1."),
        (bytes(range(256)) * 4, "saved as UTF-8"),
        (b"name,town\nA\x00da,London\n" + b"Bob," + b"y" * 150_000 + b"\n", "2 lines with problems"),
    ],
)
def test_paper_import_of_a_hostile_file_is_explained_never_a_500(client, organiser, statement_page, content, message):
    client.force_login(organiser)
    response = post_import(client, content)
    assert response.status_code == 200
    assert message in visible_text(response)


def test_paper_import_does_not_tell_who_has_signed_without_the_email_permission(client, statement_page):
    SignatureFactory(page=statement_page, name="Secret Signer", email="secret@example.org")
    importer = make_user(
        "importer",
        permissions=["wagtailadmin.access_admin", "statements.import_signature"],
    )
    client.force_login(importer)
    content = b"name,email\nNew Person,new@example.org\nWho Knows,SECRET@example.org\nNew Again,new@example.org\n"

    text = visible_text(post_import(client, content))

    assert "already signed" in text  # only in the summary, which does not say which line
    assert "2 signatures imported or already signed, 1 skipped, 0 lines with problems" in text
    assert "Line 3" not in text
    assert "Line 4: the same email address as line 2" in text
