"""The signing's own words in Welsh (issue #29): the sign form, its errors and the confirmation email."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from core.emails import render_email
from statements.forms import SignatureForm
from statements.progress import milestone, signed_summary

pytestmark = pytest.mark.django_db

# As statements.emails.signature_email builds it.
EMAIL_CONTEXT = {
    "statement_title": "Cyflog teg i bawb",
    "updates_wording": "Anfonwch ddiweddariadau ataf",
    "your_data_url": "https://example.org/your-data/?token=abc",
    "confirm_url": "https://example.org/statement/confirm/?token=abc",
    "withdraw_url": "https://example.org/statement/withdraw/?token=abc",
    "statement_url": "https://example.org/statement/",
}


def test_the_sign_form_shows_its_labels_in_welsh():
    with translation.override("cy"):
        html = render_to_string("statements/includes/sign_fields.html", {"form": SignatureForm()})
    for welsh in ("Rwy’n llofnodi fel", "Eich enw", "Cod post", "Os ydych chi’n llofnodi ar ran sefydliad"):
        assert welsh in html
    for english in ("I am signing as", "Your name", "Postcode", "If you are signing for an organisation"):
        assert english not in html


def test_a_form_error_comes_back_in_welsh():
    data = {"kind": "person", "email": "someone@example.org", "region": "unsaid"}
    with translation.override("cy"):
        form = SignatureForm(data=data)
        assert not form.is_valid()
        assert form.errors["name"] == ["Rhowch eich enw."]
    assert SignatureForm(data=data).errors["name"] == ["Please give your name."]  # English unchanged


def test_the_confirmation_email_is_in_welsh():
    with translation.override("cy"):
        subject, text, html = render_email("statements/confirm", EMAIL_CONTEXT)
    assert subject == "Cadarnhewch eich llofnod: Cyflog teg i bawb"
    assert text.startswith('Helo,\n\nDiolch am lofnodi "Cyflog teg i bawb".\n')
    assert EMAIL_CONTEXT["confirm_url"] in text and "Please" not in text
    assert "Cadarnhau fy llofnod" in html and "Diolch am lofnodi “Cyflog teg i bawb”." in html
    assert "Confirm my signature" not in html and "Thank you" not in html


def test_the_confirmation_email_in_english_is_as_it_was():
    subject, text, html = render_email("statements/confirm", EMAIL_CONTEXT)
    assert subject == "Please confirm your signature: Cyflog teg i bawb"
    assert text.startswith('Hello,\n\nThank you for signing "Cyflog teg i bawb".\n\nPlease open this link and press')
    assert ">Confirm my signature</a>" in html


def test_the_count_sentence_and_milestone_in_welsh():
    counts = {"people": 1204, "organisations": 37, "total": 1241}
    with translation.override("cy"):
        assert signed_summary(counts) == "Mae 1,204 o bobl a 37 o sefydliadau wedi llofnodi"
        assert milestone(1241, [500, 2000])["label"] == "1,241 o 2,000"
    assert signed_summary(counts) == "1,204 people and 37 organisations have signed"
    assert signed_summary({"people": 1, "organisations": 0, "total": 1}) == "1 person has signed"
