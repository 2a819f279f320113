"""The Signatures section of the admin: who sees what, CSV export, paper import."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Site

from statements.models import Signature, StatementPage
from tests.conftest import make_user
from tests.core.spreadsheets import read_csv_download
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


def test_organiser_sees_signatures_finds_them_by_email_and_reads_the_email_when_editing(
    client, organiser, demo_statement
):
    """The list is kept narrow enough for a laptop: the email is on a signature's edit screen, not in a column."""
    client.force_login(organiser)
    response = client.get(LIST_URL)
    assert response.status_code == 200
    text = visible_text(response)
    assert "Alex Example" in text
    assert "@example.org" not in text.replace("organiser@example.org", "")
    assert "Download CSV" in text
    found = client.get(LIST_URL, {"q": "signer4@example.org"})
    assert found.status_code == 200
    signature = Signature.objects.get(email="signer4@example.org")
    assert signature.name in visible_text(found)
    assert "signer4@example.org" in client.get(f"{LIST_URL}edit/{signature.pk}/").content.decode()


def test_the_list_leads_with_who_signed_in_a_few_short_columns(client, organiser, demo_statement):
    client.force_login(organiser)

    html = client.get(LIST_URL, {"q": "Anytown"}).content.decode()

    headings = [
        visible_text(th).strip()
        for th in re.findall(r"<th[^>]*>.*?</th>", html.split("result-list")[1].split("<tbody")[0], re.S)
    ]
    assert [heading for heading in headings if heading] == [
        "Signed as",
        "Role",
        "Town or area",
        "Confirmed",
        "Public",
        "Date",
    ]
    assert "Anytown Trades Union Council — A. Secretary, Secretary" in visible_text(html)


def test_organisers_filter_confirmed_waiting_and_held_signatures_apart(client, organiser, statement_page):
    SignatureFactory(page=statement_page, name="Ada Confirmed")
    SignatureFactory(page=statement_page, name="Bea Waiting", unconfirmed=True)
    SignatureFactory(page=statement_page, name="Cy Held", unconfirmed=True, held_because="network")
    client.force_login(organiser)

    def listed(value):
        text = visible_text(client.get(LIST_URL, {"confirmed": value}))
        return [name for name in ("Ada Confirmed", "Bea Waiting", "Cy Held") if name in text]

    assert listed("yes") == ["Ada Confirmed"]
    assert listed("no") == ["Bea Waiting"]  # the held one was never emailed: it waits for an organiser
    assert listed("held") == ["Cy Held"]


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


def test_export_streams_the_filtered_list_as_csv(client, organiser, demo_statement):
    client.force_login(organiser)
    rows = read_csv(client.get(LIST_URL, {"export": "csv", "kind__exact": "organisation"}))
    assert {row["kind"] for row in rows} == {"organisation"}
    assert len(rows) == demo_statement.signatures.filter(kind="organisation").count() == 5
    assert rows[0]["email"].endswith("@example.org")
    assert set(rows[0]) >= {"name", "organisation", "role", "town", "confirmed", "source"}


def test_export_follows_search_too(client, organiser, demo_statement):
    client.force_login(organiser)
    rows = read_csv(client.get(LIST_URL, {"export": "csv", "q": "Sample"}))
    assert [row["name"] for row in rows] == ["Jo Sample"]


def test_export_defuses_spreadsheet_formulas(client, organiser, demo_statement):
    SignatureFactory(page=demo_statement, name='=HYPERLINK("http://evil.example")', email="f@example.org")
    client.force_login(organiser)
    rows = read_csv(client.get(LIST_URL, {"export": "csv", "q": "HYPERLINK"}))
    assert rows[0]["name"].startswith("'=")


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
    assert [row["name"] for row in rows] == ["Zoë Ó Súilleabháin"]


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
