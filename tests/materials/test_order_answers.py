"""Organisers answer print orders: the list opens on New, and an order can be assigned, noted and answered by email."""

import re

import pytest
from django.core import mail

from campaign.materials.models import PrintOrder
from tests.conftest import make_user
from tests.core.task_queue import queued_text, run_worker, use_database_queue
from tests.materials.factories import PrintOrderFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/materials/printorder/"


def edit_url(order):
    return f"{LIST_URL}edit/{order.pk}/"


@pytest.fixture
def order(home_page, site_settings):
    made = PrintOrderFactory(name="New Nye", email="nye@example.org")
    made.lines.create(title="A4 poster", quantity=20)
    return made


def test_the_list_opens_on_new_and_all_still_shows_everything(client, organiser, order):
    PrintOrderFactory(name="Sent Sylvia", status=PrintOrder.Status.SENT)
    client.force_login(organiser)

    opening = client.get(LIST_URL).content.decode()
    everything = client.get(LIST_URL, {"status__exact": "all"}).content.decode()

    assert "New Nye" in opening and "Sent Sylvia" not in opening
    assert "New Nye" in everything and "Sent Sylvia" in everything
    assert 'href="?status__exact=all"' in opening  # the "All" choice of the filter


def test_the_strict_list_still_refuses_what_it_does_not_declare(client, organiser, order):
    client.force_login(organiser)
    assert client.get(LIST_URL, {"status__exact": "nonsense"}).status_code == 400
    assert client.get(LIST_URL, {"status": "new"}).status_code == 400
    assert client.get(LIST_URL, {"assigned_to__password__regex": "a"}).status_code == 400


def test_mark_sent_is_the_primary_button_and_opens_the_answer(client, organiser, order):
    client.force_login(organiser)

    listing = client.get(LIST_URL).content.decode()
    form = client.get(f"{edit_url(order)}?status=sent").content.decode()

    assert f'href="{edit_url(order)}?status=sent" class="button button-small"' in listing  # primary, not secondary
    assert '<option value="sent" selected>' in form
    assert re.search(r"<input[^>]*name=\"email_requester\"[^>]*checked", form)
    assert "is in the post" in form  # the message is prefilled, for the organiser to read or edit


def answer(client, order, **data):
    return client.post(edit_url(order), {"status": "new", "internal_notes": "", "last_message": "", **data})


def test_notes_and_assignment_are_saved_and_no_email_without_the_box(client, organiser, order):
    colleague = make_user("colleague", groups=["Campaign organisers"], permissions=[])
    client.force_login(organiser)

    response = answer(client, order, status="sent", assigned_to=colleague.pk, internal_notes="Royal Mail, 2nd class")

    assert response.status_code == 302
    order.refresh_from_db()
    assert (order.status, order.assigned_to, order.internal_notes) == ("sent", colleague, "Royal Mail, 2nd class")
    assert mail.outbox == []


def test_only_active_admin_users_can_be_assigned(client, organiser, order):
    supporter = make_user("supporter")  # no admin access
    client.force_login(organiser)

    response = answer(client, order, assigned_to=supporter.pk)

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    order.refresh_from_db()
    assert order.assigned_to is None


def test_a_status_change_emails_the_edited_message_once_through_the_queue(client, organiser, order, settings):
    use_database_queue(settings)
    client.force_login(organiser)

    response = answer(client, order, status="sent", email_requester="on", last_message="Posted today, 20 posters.")

    assert response.status_code == 302
    assert "nye@example.org" not in queued_text()  # the task carries ids, not the address or the words
    assert "Posted today" not in queued_text()
    run_worker()
    [email] = mail.outbox
    assert email.to == ["nye@example.org"]
    assert "Posted today, 20 posters." in email.body
    assert email.subject == f"Your print order {order.pk}"
    order.refresh_from_db()
    assert order.last_message == "Posted today, 20 posters."

    answer(client, order, status="sent", internal_notes="Chased the post office")  # a later save sends nothing
    run_worker()
    assert len(mail.outbox) == 1


def test_the_prefilled_message_follows_the_status_chosen(client, organiser, order):
    client.force_login(organiser)
    prefilled = order.status_message(PrintOrder.Status.SENT)

    answer(client, order, status="cancelled", email_requester="on", last_message=prefilled)

    [email] = mail.outbox
    assert "we cannot send your print order" in email.body
    assert "20 × A4 poster" in email.body


def test_ticking_the_box_without_changing_the_status_is_a_polite_error(client, organiser, order):
    client.force_login(organiser)

    response = answer(client, order, email_requester="on", last_message="Hello")

    assert response.status_code == 200
    assert "Change the status to email the requester about it." in response.content.decode()
    assert mail.outbox == []
