"""A print order made in Welsh is answered in Welsh (#29): the prefilled status message and its email."""

import html

import pytest
from django.core import mail
from django.utils import translation

from campaign.materials.models import PrintOrder
from tests.materials.factories import PrintOrderFactory

pytestmark = pytest.mark.django_db

EDIT_URL = "/admin/materials/printorder/edit/{}/"


def order_in(language):
    with translation.override(language):
        order = PrintOrderFactory(name="Nye Bevan", email="nye@example.org")
    order.lines.create(title="A4 poster", quantity=20)
    return order


def test_an_order_made_in_welsh_is_answered_in_welsh(client, organiser, home_page, site_settings):
    order = order_in("cy")
    assert order.language == "cy"
    sent = order.status_message(PrintOrder.Status.SENT)  # asked from the organiser's English admin
    assert sent == (
        f"Mae eich archeb argraffu (cyfeirnod {order.pk}: 20 × A4 poster) yn y post. Diolch am ledaenu’r gair."
    )
    client.force_login(organiser)
    assert sent in html.unescape(client.get(EDIT_URL.format(order.pk)).content.decode())  # the prefilled answer

    cancelled = order.status_message(PrintOrder.Status.CANCELLED)
    client.post(
        EDIT_URL.format(order.pk),
        {"status": "cancelled", "email_requester": "on", "internal_notes": "", "last_message": cancelled},
    )
    [email] = mail.outbox
    assert "Mae’n ddrwg gennym: ni allwn anfon eich archeb argraffu" in email.body
    assert email.subject == f"Eich archeb argraffu {order.pk}"


def test_an_order_made_in_english_is_answered_as_before(organiser, home_page):
    order = order_in("en-gb")
    with translation.override("cy"):  # whatever the organiser's admin speaks
        message = order.status_message(PrintOrder.Status.SENT)
    assert message.startswith(f"Your print order (reference {order.pk}: 20 × A4 poster) is in the post.")
