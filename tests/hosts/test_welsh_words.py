"""The hosts' and stalls' own words in Welsh (#29): a host's form, a host's email, a stall's page."""

import pytest
from django.utils import translation

from campaign.hosts import emails
from campaign.hosts.forms import CancelForm, MessageForm
from core.emails import render_email

pytestmark = pytest.mark.django_db


def test_a_hosts_form_speaks_welsh():
    with translation.override("cy"):
        form = MessageForm({"subject": "", "body": ""})
        assert not form.is_valid()
        assert str(form.fields["body"].label) == "Neges"
        assert form.errors["subject"] == ["Ysgrifennwch ychydig eiriau ar gyfer y pwnc."]
        assert str(CancelForm().fields["reason"].label) == "Pam (i’r trefnwyr)"
    assert str(MessageForm().fields["body"].label) == "Message"  # English as before


def test_a_hosts_email_speaks_welsh(host):
    with translation.override("cy"):
        subject, text, html = render_email("hosts/link", emails.link(host).context)
    assert subject == "Eich dolen i reoli Leeds street stall"
    assert "Helo Sam Host," in text and "Rheoli eich digwyddiad" in html
    assert "Keep this email" not in text


def test_a_stall_page_speaks_welsh(client):
    html = client.get("/cy/stall/").content.decode()
    assert '<html lang="cy">' in html and "<h1>Agor stondin</h1>" in html and "Cod y stondin" in html
