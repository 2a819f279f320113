"""The hand-in pack: built by its task from the kept counts and the public list, read back from the PDF."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from campaign.handin import packing, tasks
from campaign.handin.models import HandinPack
from statements.models import Signature, Union
from tests.statements.factories import SignatureFactory

from .factories import HandinPackFactory
from .pdfs import pdf_pages, pdf_text

pytestmark = pytest.mark.django_db


def built(page):
    pack = HandinPackFactory(page=page)
    tasks.build_handin_pack.enqueue(pack.pk)
    pack.refresh_from_db()
    return pack


def pack_text(pack):
    with pack.file.open("rb") as content:
        return pdf_text(content.read())


@pytest.fixture
def signed(statement_page):
    unison = Union.objects.create(name="UNISON")
    SignatureFactory(page=statement_page, name="Listed Lena", town="Hull", region="yorkshire")
    SignatureFactory(page=statement_page, name="Private Priya", show_publicly=False, region="yorkshire")
    SignatureFactory(page=statement_page, name="Unconfirmed Ulla", confirmed_at=None, region="yorkshire")
    SignatureFactory(
        page=statement_page,
        organisation_kind=True,
        organisation="Hull Local Government Branch",
        name="Sam Secretary",
        union=unison,
        region="yorkshire",
    )
    SignatureFactory(
        page=statement_page,
        organisation_kind=True,
        organisation="Cardiff Trades Council",
        name="Tom Treasurer",
        role="Treasurer",
        region="wales",
    )
    SignatureFactory(
        page=statement_page, organisation_kind=True, organisation="Quiet Branch", show_publicly=False, region="wales"
    )
    return statement_page


def test_the_pack_names_listed_signers_and_never_unlisted_or_unconfirmed_ones(signed):
    pack = built(signed)

    assert pack.status == HandinPack.Status.READY and pack.finished_at and pack.pages >= 4
    text = pack_text(pack)
    assert "Listed Lena, Hull" in text
    assert "Hull Local Government Branch (Sam Secretary, Secretary)" in text
    for hidden in ("Private Priya", "Unconfirmed Ulla", "Quiet Branch"):
        assert hidden not in text
    assert pack.signatories == 3  # Lena and the two public organisations


def test_the_front_page_prints_the_statement_and_its_kept_count(signed):
    counts = signed.counts()

    first = pdf_pages(built(signed).file.open("rb").read())[0]

    assert signed.title in first and "We demand a better world." in first
    assert (
        f"{counts['total']} signatures: {counts['people']} people and {counts['organisations']} organisations" in first
    )
    assert counts == {"people": 2, "organisations": 3, "total": 5}


def test_organisations_are_listed_under_their_union_and_their_region(signed):
    text = pack_text(built(signed))

    by_union = text[text.index("Organisations, by union") : text.index("Organisations, by nation or region")]
    assert by_union.index("UNISON") < by_union.index("Hull Local Government Branch")
    assert by_union.index("No union given") < by_union.index("Cardiff Trades Council")
    by_region = text[text.index("Organisations, by nation or region") : text.index("People who signed")]
    assert by_region.index("Yorkshire and the Humber") < by_region.index("Hull Local Government Branch")
    assert by_region.index("Hull Local Government Branch") < by_region.index("Wales")  # the site's order of regions
    assert by_region.index("Wales") < by_region.index("Cardiff Trades Council")


def test_each_regions_certificate_gives_its_kept_count_and_no_names(signed):
    pack = built(signed)
    pages = pdf_pages(pack.file.open("rb").read())
    certificates = {
        page.split("\n")[1].strip(): " ".join(page.split()) for page in pages if "Certificate of signatures" in page
    }

    assert set(certificates) == {"Yorkshire and the Humber", "Wales"}
    totals = signed.counter_totals()
    assert totals["r:yorkshire"] == 3 and totals["r:wales"] == 2  # the kept counts by region
    assert (
        "2 people and 1 organisation in Yorkshire and the Humber have signed “Our statement” as of"
        in certificates["Yorkshire and the Humber"]
    )
    assert "2 organisations in Wales have signed" in certificates["Wales"]
    assert "0 people" not in certificates["Wales"]
    for certificate in certificates.values():
        assert "Listed Lena" not in certificate and "Cardiff Trades Council" not in certificate


def test_the_imprint_signs_off_each_certificate_and_foots_every_page(signed, site_settings):
    site_settings.imprint_promoted_by, site_settings.imprint_address = "Jo Bloggs", "1 High Street, Leeds"
    site_settings.save()

    pages = pdf_pages(built(signed).file.open("rb").read())

    assert all("Promoted by Jo Bloggs, 1 High Street, Leeds." in " ".join(page.split()) for page in pages)
    certificate = next(page for page in pages if "Certificate of signatures" in page)
    assert "Issued by" in certificate


def test_many_signatories_are_drawn_in_parts_joined_in_order_with_pages_numbered_on(statement_page, monkeypatch):
    monkeypatch.setattr(packing, "PART_SIZE", 25)
    now = timezone.now()
    Signature.objects.bulk_create(
        Signature(
            page=statement_page,
            name=f"Person {n:03d}",
            email=f"p{n}@example.org",
            show_publicly=True,
            confirmed_at=now + timedelta(seconds=n),
        )
        for n in range(1, 121)
    )

    pack = built(statement_page)

    pages = pdf_pages(pack.file.open("rb").read())
    text = " ".join(" ".join(page.split()) for page in pages)
    assert pack.signatories == 120 and pack.pages == len(pages) >= 6  # the front, two empty lists, five parts
    assert all(f"Person {n:03d}" in text for n in range(1, 121))
    assert text.index("Person 120") < text.index("Person 001")  # newest first, as the public list
    assert [re.search(r"Page (\d+)", page)[1] for page in pages] == [str(n) for n in range(1, len(pages) + 1)]
    assert "0 signatures: 0 people and 0 organisations" in pages[0]  # the kept counts (bulk_create counts nothing)


def test_a_failed_build_is_marked_failed_and_shown_so(admin_client, statement_page, monkeypatch):
    def broken(paths, destination):
        raise OSError("disk full")

    monkeypatch.setattr(tasks, "join", broken)

    pack = built(statement_page)

    assert pack.status == HandinPack.Status.FAILED and "disk full" in pack.problem and not pack.file
    screen = admin_client.get(f"/admin/handin/?page={statement_page.pk}").content.decode()
    assert "Failed" in screen and "Please try again" in screen
    assert admin_client.get(f"/admin/handin/packs/{pack.pk}/download/").status_code == 404


@pytest.mark.parametrize(
    ("people", "organisations", "sentence"),
    [
        (1, 0, "1 person in Wales has signed “Our statement”"),
        (0, 1, "1 organisation in Wales has signed “Our statement”"),
        (1, 1, "1 person and 1 organisation in Wales have signed “Our statement”"),
        (2, 0, "2 people in Wales have signed “Our statement”"),
    ],
)
def test_a_certificate_speaks_of_one_signer_in_the_singular(statement_page, people, organisations, sentence):
    for _ in range(people):
        SignatureFactory(page=statement_page, region="wales")
    for _ in range(organisations):
        SignatureFactory(page=statement_page, organisation_kind=True, region="wales")

    pages = pdf_pages(built(statement_page).file.open("rb").read())

    (certificate,) = [" ".join(page.split()) for page in pages if "Certificate of signatures" in page]
    assert sentence in certificate


def test_the_front_page_counts_one_signature_in_the_singular(statement_page):
    SignatureFactory(page=statement_page, region="wales")

    first = " ".join(pdf_pages(built(statement_page).file.open("rb").read())[0].split())

    assert "1 signature: 1 person and 0 organisations." in first
