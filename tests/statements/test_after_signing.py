"""Right after signing and confirming: the address shown (mostly hidden) and correctable; the union asked then."""

import json
import re

import pytest
from django.core import mail
from django.test import Client

from statements.models import Signature, Union
from tests.html import visible_text
from tests.statements.visitor import PERSON, confirm, link_in, path_of, sign

pytestmark = pytest.mark.django_db


def hidden_field(html, name):
    return re.search(rf'name="{name}" value="([^"]+)"', html).group(1)


def check_inbox(client, response):
    return client.get(response["Location"])


def correct(client, page, inbox, email, **headers):
    token = hidden_field(inbox.content.decode(), "token")
    return client.post(f"{page.url}sign/correct/", {"token": token, "email": email, "website": ""}, **headers)


def test_check_your_inbox_names_the_address_as_typed_mostly_hidden(client, statement_page, site_settings):
    inbox = check_inbox(client, sign(client, statement_page, email="Rosa.Lux@Example.org"))

    text = visible_text(inbox)
    assert "We’ve sent an email to R•••@Example.org" in text
    assert "Rosa.Lux" not in inbox.content.decode()
    assert "If nothing arrives" in text and "spam" in text
    assert "private" in inbox["Cache-Control"]  # never kept by a shared cache


def test_a_repeat_signing_shows_the_same_page_as_a_first_one(client, statement_page, site_settings):
    first = visible_text(check_inbox(client, sign(client, statement_page, email="first@example.org")))
    statement_page.signatures.update(created_at="2020-01-01T00:00Z")  # past the resend interval
    again = visible_text(check_inbox(client, sign(client, statement_page, email="first@example.org")))

    assert again == first


def test_a_mistyped_address_is_corrected_and_the_old_signature_replaced(client, statement_page, site_settings):
    inbox = check_inbox(client, sign(client, statement_page, email="rosa@exmaple.org"))
    old_link = link_in(mail.outbox[0], "confirm")

    response = correct(client, statement_page, inbox, "rosa@example.org")

    assert response.status_code == 302
    assert "We’ve sent the email to the address you corrected it to." in visible_text(client.get(response["Location"]))
    signature = Signature.objects.get()
    assert (signature.email, signature.name, signature.region) == ("rosa@example.org", PERSON["name"], "yorkshire")
    assert mail.outbox[-1].to == ["rosa@example.org"]
    assert client.get(path_of(old_link)).status_code == 400  # the wrong address's link names nothing now
    confirm(client, link_in(mail.outbox[-1], "confirm"))
    assert statement_page.counts()["total"] == 1


def test_a_confirmed_signature_is_not_replaced_and_the_answer_says_nothing(client, statement_page, site_settings):
    inbox = check_inbox(client, sign(client, statement_page))
    confirm(client, link_in(mail.outbox[0], "confirm"))

    response = correct(client, statement_page, inbox, "other@example.org")

    assert response.status_code == 302 and response["Location"].endswith("?corrected=1")
    assert list(Signature.objects.values_list("email", flat=True)) == [PERSON["email"]]
    assert statement_page.counts()["total"] == 1


def test_someone_elsewhere_who_typed_the_address_cannot_replace_its_signature(client, statement_page, site_settings):
    sign(client, statement_page)  # the signer, at home
    stranger = Client(REMOTE_ADDR="198.51.100.7")
    inbox = check_inbox(stranger, sign(stranger, statement_page))  # typed the same address

    response = correct(stranger, statement_page, inbox, "stranger@example.org")

    assert response.status_code == 302 and response["Location"].endswith("?corrected=1")
    assert list(Signature.objects.values_list("email", flat=True)) == [PERSON["email"]]


def test_a_correction_to_a_bad_address_is_explained(client, statement_page, site_settings):
    inbox = check_inbox(client, sign(client, statement_page))

    response = correct(client, statement_page, inbox, "not an address")

    assert response.status_code == 200
    assert "Enter a valid email address." in visible_text(response)
    assert Signature.objects.get().email == PERSON["email"]


def test_a_correction_from_another_site_is_refused(client, statement_page, site_settings):
    inbox = check_inbox(client, sign(client, statement_page))

    response = correct(client, statement_page, inbox, "x@example.org", headers={"Sec-Fetch-Site": "cross-site"})

    assert response.status_code == 403
    assert Signature.objects.get().email == PERSON["email"]


def thank_you(client, page):
    sign(client, page)
    return client.get(confirm(client, link_in(mail.outbox[-1], "confirm"))["Location"])


def add_union(client, page, thanks, **fields):
    token = hidden_field(thanks.content.decode(), "token")
    return client.post(f"{page.url}confirm/union/", {"token": token, **fields})


def by_union(client):
    return json.loads(client.get("/statement.json").content)["by_union"]


def test_the_thank_you_page_asks_a_person_for_their_union_and_counts_it_once(client, statement_page, site_settings):
    unite, unison = Union.objects.create(name="Unite"), Union.objects.create(name="UNISON")
    thanks = thank_you(client, statement_page)
    assert "Add your union to help us show where support comes from" in visible_text(thanks)

    saved = add_union(client, statement_page, thanks, union=str(unite.pk))
    assert "Your union is added" in visible_text(client.get(saved["Location"]))
    assert by_union(client) == {"Unite": 1}

    add_union(client, statement_page, thanks, union=str(unison.pk))  # changed their mind
    add_union(client, statement_page, thanks, union=str(unison.pk))  # pressed twice
    assert by_union(client) == {"UNISON": 1}
    assert Signature.objects.get().union == unison
    assert statement_page.counts()["total"] == 1


def test_another_union_is_named_and_counted_under_other_unions(client, statement_page, site_settings):
    thanks = thank_you(client, statement_page)

    missing = add_union(client, statement_page, thanks, union="other", union_other="")
    assert "Please give the union’s name." in visible_text(missing)
    add_union(client, statement_page, thanks, union="other", union_other="Musicians’ Union")

    assert Signature.objects.get().union_other == "Musicians’ Union"
    assert by_union(client) == {"Other unions": 1}


def test_the_plain_thank_you_page_and_an_organisations_ask_for_no_union(client, statement_page, site_settings):
    plain = client.get(f"{statement_page.url}confirm/done/")
    assert "Add your union" not in visible_text(plain)

    sign(client, statement_page, kind="organisation", organisation="Anytown TUC", organisation_type="trades-council")
    response = confirm(client, link_in(mail.outbox[-1], "confirm"))
    assert "signature=" not in response["Location"]
    assert "Add your union" not in visible_text(client.get(response["Location"]))


def test_a_union_with_a_bad_link_or_from_another_site_changes_nothing(client, statement_page, site_settings):
    unite = Union.objects.create(name="Unite")
    thanks = thank_you(client, statement_page)

    forged = client.post(f"{statement_page.url}confirm/union/", {"token": "1:forged", "union": str(unite.pk)})
    assert forged.status_code == 400
    strict = Client(enforce_csrf_checks=True, headers={"Sec-Fetch-Site": "cross-site"})
    token = hidden_field(thanks.content.decode(), "token")
    cross = strict.post(f"{statement_page.url}confirm/union/", {"token": token, "union": str(unite.pk)})
    assert cross.status_code == 403
    assert Signature.objects.get().union is None


def test_adding_a_union_is_rate_limited(client, statement_page, site_settings, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign_union": (1, 3600)}
    unite = Union.objects.create(name="Unite")
    thanks = thank_you(client, statement_page)

    assert add_union(client, statement_page, thanks, union=str(unite.pk)).status_code == 302
    assert add_union(client, statement_page, thanks, union=str(unite.pk)).status_code == 429


def test_a_correction_counts_against_the_signing_rate_limit(client, statement_page, site_settings, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign": (1, 3600)}
    inbox = check_inbox(client, sign(client, statement_page))

    assert correct(client, statement_page, inbox, "other@example.org").status_code == 429
    assert Signature.objects.get().email == PERSON["email"]


def test_a_correction_with_a_forged_link_changes_nothing(client, statement_page, site_settings):
    sign(client, statement_page)

    response = client.post(f"{statement_page.url}sign/correct/", {"token": "1:forged", "email": "x@example.org"})

    assert response.status_code == 400
    assert "can no longer be corrected here" in visible_text(response)
    assert Signature.objects.get().email == PERSON["email"]
