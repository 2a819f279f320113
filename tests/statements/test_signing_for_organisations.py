"""Signing for an organisation asks for its name and the signer's role; a person's union only identifies them."""

import re

import pytest
from django.core import mail

from statements.models import Signature
from tests.html import visible_text
from tests.statements.visitor import confirm, link_in, sign

pytestmark = pytest.mark.django_db

ORGANISATION = {
    "kind": "organisation",
    "name": "Ann Chair",
    "organisation": "Anytown Trades Council",
    "organisation_type": "trades-council",
}


def test_without_javascript_every_field_says_when_it_applies(client, statement_page, site_settings):
    text = visible_text(client.get(statement_page.url))

    assert "Organisation name (when signing for an organisation)" in text
    assert "Your role in the organisation (when signing for an organisation)" in text
    assert "Your union or branch, for identification only (optional)" in text
    assert "Organisation, union or branch" not in text


def test_an_organisation_needs_its_name_and_the_signers_role(client, statement_page, site_settings):
    response = sign(client, statement_page, kind="organisation", organisation="", role="")

    assert response.status_code == 200
    text = visible_text(response)
    assert "Please give the name of the organisation you are signing for." in text
    assert "Please give your role in the organisation, for example Branch Secretary." in text
    assert not Signature.objects.exists()


def test_a_person_is_never_asked_for_an_organisation(client, statement_page, site_settings):
    response = sign(client, statement_page, affiliation="")

    assert response.status_code == 302
    assert Signature.objects.get().organisation == ""


def test_a_persons_union_is_listed_for_identification_only(client, statement_page, site_settings):
    sign(client, statement_page, affiliation="UCU", organisation="Ignored Org", role="Ignored role")
    signature = Signature.objects.get()
    assert (signature.organisation, signature.role) == ("UCU", "")
    confirm(client, link_in(mail.outbox[0], "confirm"))

    text = visible_text(client.get(statement_page.url))
    assert "Rosa Example (UCU, for identification only)" in text
    assert signature.display_name == "Rosa Example (UCU, for identification only)"


def test_an_organisation_shown_again_after_a_mistake_has_list_publicly_ticked(client, statement_page, site_settings):
    """Without the script that ticks it, the box is ticked when the form comes back for an organisation."""
    data = {**ORGANISATION, "email": "not an address"}  # a box left unticked is not sent at all
    html = client.post(f"{statement_page.url}sign/", data).content.decode()

    box = re.search(r'<input type="checkbox" name="show_publicly"[^>]*>', html).group(0)
    assert "checked" in box


def test_a_person_shown_again_after_a_mistake_keeps_list_publicly_unticked(client, statement_page, site_settings):
    html = client.post(f"{statement_page.url}sign/", {"kind": "person", "name": "Rosa"}).content.decode()

    box = re.search(r'<input type="checkbox" name="show_publicly"[^>]*>', html).group(0)
    assert "checked" not in box


def test_an_organisation_that_signs_with_its_role_is_listed(client, statement_page, site_settings):
    response = sign(client, statement_page, role="Secretary", **ORGANISATION)
    assert response.status_code == 302
    confirm(client, link_in(mail.outbox[0], "confirm"))

    assert "Anytown Trades Council (Ann Chair, Secretary)" in visible_text(client.get(statement_page.url))
