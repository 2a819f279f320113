"""Withdrawing a signature takes its consent to updates with it, unless the signer chooses to keep them.

Before, sign → confirm with updates → withdraw left a confirmed consent
naming the statement and the address kept receiving updates, while the page
said the details were deleted.
"""

import re

import pytest
from django.core import mail

from core.subscriptions import consent, wording
from core.subscriptions.models import Consent, Subscriber
from statements.models import Signature
from tests.news.factories import UpdateIndexPageFactory, UpdatePageFactory
from tests.statements.factories import SignatureFactory
from tests.statements.visitor import confirm, link_in, path_of, sign

pytestmark = pytest.mark.django_db

ROSA = "rosa@example.org"


@pytest.fixture
def update(home_page, site_settings):
    news = UpdateIndexPageFactory(parent=home_page)
    page = UpdatePageFactory(parent=news, title="Our big meeting", standfirst="Three hundred came.")
    page.save_revision().publish()
    return page


def send_update(client, organiser, update):
    """An organiser emails the update to everyone receiving updates; the addresses it went to."""
    mail.outbox.clear()
    client.force_login(organiser)
    asked = client.post(f"/admin/news/email/{update.pk}/", {"action": "send"}).content.decode()
    recipients = re.search(r'name="recipients" value="(\d+)"', asked).group(1)  # the count asked to confirm
    client.post(f"/admin/news/email/{update.pk}/", {"action": "confirm", "recipients": recipients})
    client.logout()
    return sorted(message.to[0] for message in mail.outbox if message.subject == "Our big meeting")


def signed_with_updates(client, statement_page):
    """Sign with "send me updates" ticked and confirm: the address receives updates. The withdraw link."""
    sign(client, statement_page, keep_informed="on")
    message = mail.outbox[0]
    confirm(client, link_in(message, "confirm"))
    assert Subscriber.objects.receiving().filter(email=ROSA).exists()
    return path_of(link_in(message, "withdraw"))


def test_withdrawing_removes_the_consent_and_the_updates(client, statement_page, organiser, update):
    withdraw_path = signed_with_updates(client, statement_page)
    assert send_update(client, organiser, update) == [ROSA]

    ask = client.get(withdraw_path).content.decode()
    box = re.search(r'<input type="checkbox" name="keep_updates"[^>]*>', ask).group(0)
    assert "checked" not in box  # withdrawing takes everything unless they choose otherwise

    done = client.post(withdraw_path).content.decode()

    assert "has been withdrawn" in done
    assert "We send no campaign updates to your email address" in done
    assert not Consent.objects.exists() and not Subscriber.objects.exists()
    assert send_update(client, organiser, update) == []


def test_choosing_to_keep_updates_keeps_them_and_the_page_says_so(client, statement_page, organiser, update):
    withdraw_path = signed_with_updates(client, statement_page)

    done = client.post(withdraw_path, {"keep_updates": "yes"}).content.decode()

    assert not Signature.objects.exists()
    assert "As you asked, we keep your email address to send you campaign updates" in done
    assert f"on the signing form of “{statement_page.title}”" in done
    kept = Consent.objects.get()
    assert kept.confirmed_at is not None and kept.source is None  # no longer tied to a deleted signature
    assert send_update(client, organiser, update) == [ROSA]


def test_a_consent_given_on_another_form_survives_and_the_page_names_it(client, statement_page, organiser, update):
    withdraw_path = signed_with_updates(client, statement_page)
    other = consent.record_unconfirmed(ROSA, "the “Get involved” form", wording.CURRENT, "http://testserver/")
    consent.confirm(other)

    done = client.post(withdraw_path).content.decode()

    assert Consent.objects.get() == other
    assert "We still keep your email address to send you campaign updates" in done
    assert "on the “Get involved” form" in done
    assert f"the signing form of “{statement_page.title}”" not in done
    assert send_update(client, organiser, update) == [ROSA]


def test_an_unconfirmed_consent_elsewhere_keeps_the_address_waiting_but_sends_nothing(
    client, statement_page, organiser, update
):
    withdraw_path = signed_with_updates(client, statement_page)
    consent.record_unconfirmed(ROSA, "the “Get involved” form", wording.CURRENT, "http://testserver/")

    client.post(withdraw_path)

    assert Subscriber.objects.get(email=ROSA).status == Subscriber.Status.PENDING
    assert send_update(client, organiser, update) == []


def test_a_signature_without_updates_is_not_asked_about_them(client, statement_page):
    sign(client, statement_page)
    confirm(client, link_in(mail.outbox[0], "confirm"))
    ask = client.get(path_of(link_in(mail.outbox[0], "withdraw"))).content.decode()
    assert "keep_updates" not in ask


def test_an_organiser_deleting_a_signature_removes_its_consent(client, statement_page):
    signed_with_updates(client, statement_page)
    Signature.objects.get().delete()  # the admin's delete, or an invalidated burst, deletes the row
    assert not Consent.objects.exists() and not Subscriber.objects.exists()


def test_deleting_one_signature_leaves_the_consent_of_another(client, statement_page):
    signed_with_updates(client, statement_page)
    other = SignatureFactory(page=statement_page, email="other@example.org", keep_informed=True)
    consent.record_confirmed(other.email, "the signing form", wording.CURRENT, source=other)

    Signature.objects.get(email=ROSA).delete()

    assert list(Subscriber.objects.receiving().values_list("email", flat=True)) == ["other@example.org"]
