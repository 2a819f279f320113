"""Ordering printed copies: the form, its bounds, the saved order, both emails and the admin."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from campaign.materials.models import PrintOrder
from tests.core.task_queue import queued_text, run_worker, use_database_queue
from tests.materials.factories import MaterialFactory, MaterialsPageFactory, PrintOrderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def materials_page(home_page, site_settings):
    return MaterialsPageFactory(parent=home_page)


@pytest.fixture
def poster(materials_page):
    return MaterialFactory(page=materials_page, title="Tories out poster", max_quantity=200)


@pytest.fixture
def leaflet(materials_page):
    return MaterialFactory(page=materials_page, title="Leaflet", max_quantity=1000)


def order_data(poster, leaflet=None, **overrides):
    data = {
        "name": "Rosa Luxemburg",
        "email": "rosa@example.org",
        "organisation": "Leeds Unison",
        "address": "1 Example Street\nLeeds LS1 1AA",
        f"quantity_{poster.pk}": "20",
        "needed_by": (timezone.localdate() + datetime.timedelta(days=14)).isoformat(),
        "notes": "Thanks!",
        "website": "",
    }
    if leaflet is not None:
        data[f"quantity_{leaflet.pk}"] = "100"
    data.update(overrides)
    return data


def test_form_asks_for_quantities_of_orderable_materials_only(client, materials_page, poster):
    MaterialFactory(page=materials_page, title="Download only", orderable=False)
    html = client.get("/materials/").content.decode()
    assert "Copies of “Tories out poster”" in html
    assert "Copies of “Download only”" not in html
    assert 'max="200"' in html


def test_no_order_form_when_nothing_can_be_ordered(client, materials_page):
    MaterialFactory(page=materials_page, orderable=False)
    assert "Send the order" not in client.get("/materials/").content.decode()


def test_order_is_saved_and_emailed_to_organisers_and_the_person(client, poster, leaflet):
    response = client.post("/materials/", order_data(poster, leaflet))

    assert response.status_code == 302
    assert response["Location"] == "/materials/ordered/"
    order = PrintOrder.objects.get()
    assert order.status == PrintOrder.Status.NEW
    assert order.items_summary() == "20 × Tories out poster, 100 × Leaflet"
    assert order.total_copies() == 120

    organisers, acknowledgement = mail.outbox
    assert organisers.to == ["info@example.org"]
    assert organisers.reply_to == ["rosa@example.org"]
    assert f"New print order {order.pk} from Rosa Luxemburg (Leeds Unison)" == organisers.subject
    assert "- 20 × Tories out poster" in organisers.body and "Leeds LS1 1AA" in organisers.body
    assert f"/admin/materials/printorder/edit/{order.pk}/" in organisers.body
    assert acknowledgement.to == ["rosa@example.org"]
    assert acknowledgement.subject == f"We have your order for printed materials (reference {order.pk})"
    assert "100 × Leaflet" in acknowledgement.body  # the editors' titles and the numbers
    html, mimetype = acknowledgement.alternatives[0]
    assert mimetype == "text/html" and "100 × Leaflet" in html

    thanks = client.get("/materials/ordered/")
    assert "We have your order" in thanks.content.decode()


def test_emails_escape_what_people_typed(client, poster):
    client.post("/materials/", order_data(poster, name="<b>Rosa</b>"))
    organisers_html = mail.outbox[0].alternatives[0][0]
    assert "&lt;b&gt;Rosa&lt;/b&gt;" in organisers_html
    assert "<b>Rosa</b>" in mail.outbox[0].body  # the plain text is plain


def test_the_organisers_subject_is_one_plain_line(client, poster):
    """A name is plain text in a subject: no HTML entities, and no line break that could end the header."""
    client.post("/materials/", order_data(poster, organisation="O'Brien\rBranch"))
    subject = mail.outbox[0].subject
    assert "O'Brien Branch" in subject
    assert "&#x27;" not in subject and "\r" not in subject


def test_the_acknowledgement_carries_nothing_the_visitor_typed(client, poster):
    """Anyone can type anyone's address into the form: the site must not carry their words to it."""
    spam = "Cheap pills at spam.example"
    client.post("/materials/", order_data(poster, name=spam, organisation=spam, address=spam * 10, notes=spam))

    organisers, acknowledgement = mail.outbox
    for text in (acknowledgement.subject, acknowledgement.body, acknowledgement.alternatives[0][0]):
        assert "spam.example" not in text
    assert "spam.example" in organisers.body


def test_an_address_gets_one_acknowledgement_per_interval(client, poster):
    for _ in range(3):
        assert client.post("/materials/", order_data(poster, email="victim@example.org")).status_code == 302
    assert PrintOrder.objects.count() == 3
    assert [message.to for message in mail.outbox].count(["victim@example.org"]) == 1
    assert [message.to for message in mail.outbox].count(["info@example.org"]) == 3


def test_the_queue_keeps_only_the_orders_id(client, poster, settings):
    use_database_queue(settings)
    client.post("/materials/", order_data(poster))
    kept = queued_text()
    assert "rosa@example.org" not in kept and "Leeds LS1 1AA" not in kept and "Rosa" not in kept

    run_worker()
    assert sorted(message.to[0] for message in mail.outbox) == ["info@example.org", "rosa@example.org"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("quantity", "201", "less than or equal to 200"),
        ("quantity", "-3", "greater than or equal to 0"),
        ("quantity", "lots", "Enter a whole number"),
        ("quantity", "1e9", "Enter a whole number"),
        ("email", "not-an-email", "Enter a valid email address"),
        ("name", "", "This field is required"),
        ("address", "", "This field is required"),
        ("needed_by", "2001-01-01", "has not passed"),
        ("needed_by", "3000-01-01", "within the next year"),
        ("needed_by", "tomorrow", "Enter a valid date"),
        ("name", "x" * 121, "at most 120 characters"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_saved(client, poster, field, value, message):
    key = f"quantity_{poster.pk}" if field == "quantity" else field
    response = client.post("/materials/", order_data(poster, **{key: value}))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'class="error-summary"' in html
    assert PrintOrder.objects.count() == 0
    assert mail.outbox == []


def test_an_order_needs_at_least_one_copy(client, poster, leaflet):
    response = client.post(
        "/materials/",
        order_data(poster, leaflet, **{f"quantity_{poster.pk}": "0"}) | {f"quantity_{leaflet.pk}": ""},
    )
    assert "at least one item" in response.content.decode()
    assert PrintOrder.objects.count() == 0


def test_quantities_for_unknown_or_download_only_materials_are_ignored(client, materials_page, poster):
    download_only = MaterialFactory(page=materials_page, orderable=False)
    data = order_data(poster, **{f"quantity_{download_only.pk}": "5", "quantity_99999": "7"})
    client.post("/materials/", data)
    assert PrintOrder.objects.get().items_summary() == "20 × Tories out poster"


def test_honeypot_refuses_robots(client, poster):
    response = client.post("/materials/", order_data(poster, website="http://spam.example"))
    assert response.status_code == 200
    assert PrintOrder.objects.count() == 0


def test_order_form_is_rate_limited(client, settings, poster):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "submit": (2, 3600)}
    for _ in range(2):
        assert client.post("/materials/", order_data(poster)).status_code == 302
    response = client.post("/materials/", order_data(poster))
    assert response.status_code == 429
    assert PrintOrder.objects.count() == 2


def test_organisers_list_search_filter_and_change_status(client, organiser, poster):
    order = PrintOrderFactory(name="Rosa Luxemburg")
    order.lines.create(material=poster, title=poster.title, quantity=20)
    PrintOrderFactory(name="Karl Liebknecht", email="karl@example.org", status=PrintOrder.Status.SENT)
    client.force_login(organiser)

    listing = client.get("/admin/materials/printorder/").content.decode()
    assert "Rosa Luxemburg" in listing and "20 × Tories out poster" in listing
    filtered = client.get("/admin/materials/printorder/?status__exact=sent").content.decode()
    assert "Karl Liebknecht" in filtered and "Rosa Luxemburg" not in filtered
    searched = client.get("/admin/materials/printorder/?q=Rosa").content.decode()
    assert "Rosa Luxemburg" in searched and "Karl Liebknecht" not in searched

    edit = client.get(f"/admin/materials/printorder/edit/{order.pk}/").content.decode()
    assert "Items ordered" in edit and "20 × Tories out poster" in edit
    inspect = client.get(f"/admin/materials/printorder/inspect/{order.pk}/").content.decode()
    assert "20 × Tories out poster" in inspect and "rosa@example.org" in inspect

    response = client.post(f"/admin/materials/printorder/edit/{order.pk}/", {"status": "sent"})
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == PrintOrder.Status.SENT
    assert order.name == "Rosa Luxemburg"  # the person's details are read-only in the admin


def test_organisers_export_orders_as_csv(client, organiser, poster):
    for name in ("Rosa", "Karl", "Clara"):
        order = PrintOrderFactory(name=name)
        order.lines.create(material=poster, title=poster.title, quantity=5)
    client.force_login(organiser)

    response = client.get("/admin/materials/printorder/?export=csv")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode()
    assert "Rosa" in content and "5 × Tories out poster" in content and "rosa@example.org" in content


def test_plain_editors_cannot_see_orders(client, editor):
    PrintOrderFactory()
    client.force_login(editor)
    assert client.get("/admin/materials/printorder/").status_code in (302, 403)
    assert client.get("/admin/materials/printorder/?export=csv").status_code in (302, 403)
    assert "Print orders" not in client.get("/admin/").content.decode()


def test_organisers_see_the_requests_menu(client, organiser):
    client.force_login(organiser)
    assert "Print orders" in client.get("/admin/").content.decode()
