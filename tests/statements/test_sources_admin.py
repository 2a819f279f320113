"""Named sources in the admin: an organiser names a code and gets its link and QR code."""

import pytest

from statements.models import NamedSource
from tests.html import visible_text

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/statements/namedsource/"
FORM = {"name": "Leeds TUC newsletter", "code": "leeds-tuc", "kind": "newsletter", "frame_origins": ""}


def add(client, **changes):
    return client.post(f"{LIST}add/", {**FORM, **changes})


def test_an_organiser_names_a_source_and_gets_its_link_and_qr_code(client, organiser, statement_page):
    client.force_login(organiser)

    assert add(client).status_code == 302
    source = NamedSource.objects.get()
    assert (source.code, source.name, source.kind) == ("leeds-tuc", "Leeds TUC newsletter", "newsletter")

    link = f"{statement_page.get_full_url()}?src=leeds-tuc"
    listing = client.get(LIST)
    assert "Leeds TUC newsletter" in visible_text(listing) and link in visible_text(listing)
    screen = client.get(f"{LIST}edit/{source.pk}/").content.decode()
    assert f'value="{link}"' in screen
    assert "<svg" in screen and f"QR code for {link}" in screen
    svg = client.get(f"/admin/statements/sources/qr/{source.pk}.svg")
    png = client.get(f"/admin/statements/sources/qr/{source.pk}.png")
    assert svg["Content-Type"] == "image/svg+xml" and f"QR code for {link}" in svg.content.decode()
    assert png["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG")
    assert 'filename="qr-code-leeds-tuc.png"' in png["Content-Disposition"]


def test_sources_are_in_the_organisers_menu(client, organiser, home_page):
    client.force_login(organiser)

    assert '"named-sources"' in client.get("/admin/").content.decode()  # the menu item's name


@pytest.mark.parametrize(
    ("code", "says"),
    [
        ("s-mine", "signers’ own share links"),  # a signer's own code: never an organiser's
        ("Leeds TUC", "lower-case letters, digits and dashes"),
        ("-leeds", "lower-case letters, digits and dashes"),
    ],
)
def test_a_code_a_link_could_not_carry_is_refused(client, organiser, home_page, code, says):
    client.force_login(organiser)

    response = add(client, code=code)

    assert response.status_code == 200 and says in visible_text(response)
    assert not NamedSource.objects.exists()


def test_a_capitalised_code_is_kept_in_lower_case(client, organiser, home_page):
    client.force_login(organiser)

    add(client, code="LEEDS-TUC")

    assert NamedSource.objects.get().code == "leeds-tuc"


def test_a_partners_framing_addresses_are_checked(client, organiser, home_page):
    client.force_login(organiser)

    response = add(client, kind="partner", frame_origins="leedstuc.example.org/embed")

    assert response.status_code == 200 and "must be a website's address" in visible_text(response)
    assert add(client, kind="partner", frame_origins="https://leedstuc.example.org").status_code == 302


def test_plain_editors_cannot_see_or_make_sources(client, editor, home_page):
    source = NamedSource.objects.create(code="leeds-tuc", name="Leeds TUC newsletter")
    client.force_login(editor)

    assert client.get(LIST).status_code in (302, 403)
    assert add(client, code="other").status_code in (302, 403)
    refused = client.get(f"/admin/statements/sources/qr/{source.pk}.svg")
    assert refused.status_code == 403 or (refused.status_code == 302 and refused["Location"] == "/admin/")
    assert NamedSource.objects.count() == 1
