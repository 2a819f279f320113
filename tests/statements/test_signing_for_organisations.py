"""Signing for an organisation asks what its type needs; its contact's own name is shown only if they agree.

A person is asked seven things; nothing is ticked for anyone, and a person's union is asked after confirming.
"""

import re
from html.parser import HTMLParser

import pytest
from django.core import mail

from statements.models import Signature, Union
from tests.html import visible_text
from tests.statements.visitor import PERSON, confirm, link_in, sign

pytestmark = pytest.mark.django_db

ORGANISATION = {
    "kind": "organisation",
    "name": "",
    "organisation": "Anytown Trades Council",
    "organisation_type": "trades-council",
    "show_publicly": "on",
}


def checkbox(html, name):
    return re.search(rf'<input type="checkbox" name="{name}"[^>]*>', html).group(0)


def test_without_javascript_each_group_says_whom_it_is_for_and_no_label_repeats_it(
    client, statement_page, site_settings
):
    text = visible_text(client.get(statement_page.url))

    assert "If you are signing for an organisation" in text
    assert "when signing for an organisation" not in text
    assert "Organisation name" in text and "Type of organisation" in text


class SignFields(HTMLParser):
    """The sign form's fields, each with the conditions (data-shown-when) of it and every group around it."""

    VOID = {"input", "br", "img", "hr", "meta", "link"}

    def __init__(self):
        super().__init__()
        self.stack, self.fields, self.inside = [], [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = "data-signing" in attrs
        conditions = [attrs["data-shown-when"]] if "data-shown-when" in attrs else []
        if self.inside and tag in {"input", "select", "textarea"} and attrs.get("type") != "hidden":
            when = [c for _, cs in self.stack for c in cs] + conditions
            self.fields.append((attrs["name"], when))
        if tag not in self.VOID:
            self.stack.append((tag, conditions))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass
        if tag == "form":
            self.inside = False


def asked(html, **state):
    """The names of the fields a visitor sees, with the form in `state` (as statement.js shows them)."""
    parser = SignFields()
    parser.feed(html)

    def holds(condition):
        name, _, value = condition.partition("=")
        return state.get(name) == value if value else bool(state.get(name))

    return {name for name, when in parser.fields if all(holds(c) for c in when)} - {"website"}


def test_a_person_is_asked_eight_things(client, statement_page, site_settings):
    """Kind, name, email, postcode or where they are, the public list, updates and introductions: no union,
    town or role."""
    html = client.get(statement_page.url).content.decode()

    assert asked(html, kind="person") == {
        "kind",
        "name",
        "email",
        "postcode",
        "region",
        "show_publicly",
        "keep_informed",
        "introduce_me",
    }


def test_an_organisation_is_asked_only_what_its_type_needs(client, statement_page, site_settings):
    html = client.get(statement_page.url).content.decode()
    shared = {"kind", "organisation", "organisation_type", "email", "postcode", "region", "show_publicly"}
    shared |= {"show_contact", "keep_informed", "introduce_me"}

    assert asked(html, kind="organisation", organisation_type="campaign") == shared
    assert asked(html, kind="organisation", organisation_type="union") == shared | {"union"}
    assert asked(html, kind="organisation", organisation_type="union", union="other", show_contact="on") == (
        shared | {"union", "union_other", "contact_name", "role"}
    )


def test_nothing_is_ticked_for_anyone_on_the_empty_form(client, statement_page, site_settings):
    html = client.get(statement_page.url).content.decode()
    for name in ("show_publicly", "show_contact", "keep_informed", "introduce_me"):
        assert "checked" not in checkbox(html, name)


@pytest.mark.parametrize("kind", ["person", "organisation"])
def test_a_form_shown_again_after_a_mistake_ticks_nothing_that_was_not_ticked(
    client, statement_page, site_settings, kind
):
    data = {**ORGANISATION, "kind": kind, "email": "not an address"}
    del data["show_publicly"]  # a box left unticked is not sent at all
    html = client.post(f"{statement_page.url}sign/", data).content.decode()

    for name in ("show_publicly", "show_contact", "keep_informed", "introduce_me"):
        assert "checked" not in checkbox(html, name)


def test_an_organisation_needs_its_name(client, statement_page, site_settings):
    response = sign(client, statement_page, kind="organisation", organisation="")

    assert response.status_code == 200
    assert "Please give the name of the organisation you are signing for." in visible_text(response)
    assert not Signature.objects.exists()


def test_an_organisations_contact_name_and_role_are_neither_kept_nor_shown_unless_they_tick_for_it(
    client, statement_page, site_settings
):
    sign(client, statement_page, **ORGANISATION, contact_name="Ann Chair", role="Treasurer")
    signature = Signature.objects.get()
    assert (signature.name, signature.role) == ("", "")
    confirm(client, link_in(mail.outbox[0], "confirm"))

    for address in (statement_page.url, f"{statement_page.url}signatories/"):
        text = visible_text(client.get(address))
        assert "Anytown Trades Council" in text
        assert "Ann Chair" not in text and "Treasurer" not in text


def test_an_organisations_contact_who_ticks_for_it_is_listed_with_their_role(client, statement_page, site_settings):
    response = sign(
        client, statement_page, **ORGANISATION, show_contact="on", contact_name="Ann Chair", role="Secretary"
    )
    assert response.status_code == 302
    confirm(client, link_in(mail.outbox[0], "confirm"))

    assert "Anytown Trades Council (Ann Chair, Secretary)" in visible_text(client.get(statement_page.url))


def test_a_contact_who_ticks_to_be_shown_gives_their_name(client, statement_page, site_settings):
    response = sign(client, statement_page, **ORGANISATION, show_contact="on", contact_name="")

    assert "Please give your name, or untick “Also show my own name”." in visible_text(response)
    assert not Signature.objects.exists()


def test_a_person_is_never_signed_as_an_organisation(client, statement_page, site_settings):
    sign(client, statement_page, organisation="Ignored Org", role="Ignored role", show_contact="on")

    signature = Signature.objects.get()
    assert (signature.organisation, signature.role, signature.name) == ("", "", PERSON["name"])


def test_a_campaign_group_keeps_no_union_whatever_was_sent(client, statement_page, site_settings):
    unite = Union.objects.create(name="Unite")
    sign(client, statement_page, **{**ORGANISATION, "organisation_type": "campaign"}, union=str(unite.pk))

    assert Signature.objects.get().union is None
