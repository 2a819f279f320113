"""The bench's export memory row measures the signatures list's CSV download as the admin serves it."""

import pytest

from bench import memory
from statements.models import Signature
from tests.statements.factories import SignatureFactory, StatementPageFactory

pytestmark = pytest.mark.django_db


def test_the_export_row_reads_the_admins_download_of_the_filtered_signatures(home_page):
    page = StatementPageFactory(parent=home_page)
    for number in range(3):
        SignatureFactory(page=page, name=f"Imported {number}", source=Signature.Source.IMPORT)
    SignatureFactory(page=page, name="Signed on the web", source=Signature.Source.WEB)

    measured = memory.measure(Signature.Source.IMPORT)

    assert measured["rows"] == 3  # the list's filter by source, as an organiser sets it on screen
    assert measured["bytes"] > 0 and measured["peak_kib"] >= 0
