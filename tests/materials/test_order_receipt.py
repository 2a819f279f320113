"""The order's thank-you page repeats what was ordered to the one who ordered, and to no one else.

Nothing personal goes into the address or a cached page: the redirect gives
the sender's browser a signed receipt for that page alone (core.receipts).
"""

import pytest
from django.test import Client

from campaign.materials.models import PrintOrder
from core.receipts import COOKIE
from tests.html import visible_text
from tests.materials.test_orders import leaflet, materials_page, order_data, poster  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

THANKS = "/materials/ordered/"


def test_the_thank_you_page_repeats_the_order(client, poster, leaflet):  # noqa: F811
    response = client.post("/materials/", order_data(poster, leaflet), follow=True)

    order = PrintOrder.objects.get()
    assert response.redirect_chain == [(THANKS, 302)]  # a plain address: no id, no name
    text = visible_text(response.content.decode())
    assert f"Reference {order.pk}" in text
    assert "20 × Tories out poster" in text and "100 × Leaflet" in text
    assert "Rosa Luxemburg, Leeds Unison 1 Example Street Leeds LS1 1AA" in text
    assert "We will write to rosa@example.org" in text
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_the_receipt_is_for_that_page_only_and_no_one_else_sees_the_order(client, poster):  # noqa: F811
    response = client.post("/materials/", order_data(poster))

    receipt = response.cookies[COOKIE]
    assert receipt["path"] == THANKS and receipt["httponly"] and receipt["samesite"] == "Lax"
    assert "sessionid" not in response.cookies  # the visitor stays anonymous everywhere else
    stranger = visible_text(Client().get(THANKS).content.decode())
    assert "Order received" in stranger
    assert "Rosa" not in stranger and "Leeds" not in stranger and "Reference" not in stranger


def test_a_forged_or_expired_receipt_shows_nothing(client, poster, monkeypatch):  # noqa: F811
    client.post("/materials/", order_data(poster))
    order = PrintOrder.objects.get()
    assert "Rosa" in client.get(THANKS).content.decode()

    client.cookies[COOKIE] = str(order.pk)
    assert "Rosa" not in client.get(THANKS).content.decode()

    client.post("/materials/", order_data(poster, name="Clara Zetkin", email="clara@example.org"))
    monkeypatch.setattr("core.receipts.RECEIPT_SECONDS", -1)
    assert "Clara" not in client.get(THANKS).content.decode()


def test_the_page_cache_never_keeps_the_thank_you_page(client, poster, settings):  # noqa: F811
    settings.PAGE_CACHE_SECONDS = 60
    assert "Rosa" not in Client().get(THANKS).content.decode()  # a stranger first: the plain page

    response = client.post("/materials/", order_data(poster), follow=True)

    assert "Rosa Luxemburg" in response.content.decode()
    assert response.get("X-Page-Cache") is None
