"""Joining parts by PDF incremental updates: every page, in order, and a loud failure if PDFium changes its save.

The join relies on PDFium's incremental save writing the file as it was and then the update (what
ISO 32000 describes); `AppendedUpdate` checks that copy, so these tests fail if the library changes it.
"""

import pytest

from campaign.handin.joining import AppendedUpdate, NotAnIncrementalUpdate, join
from campaign.handin.pdf import new_document

from .pdfs import pdf_pages


def part(folder, number, pages=2):
    pdf = new_document(f"Imprint {number}")
    for page in range(1, pages + 1):
        pdf.add_page()
        pdf.set_font("DejaVu", "", 12)
        pdf.cell(0, 10, f"Part {number} page {page}")
    path = folder / f"part-{number}.pdf"
    pdf.output(str(path))
    return path


def test_parts_joined_over_several_rounds_keep_every_page_in_order(tmp_path):
    paths = [part(tmp_path, number) for number in range(1, 8)]
    destination = tmp_path / "joined.pdf"

    pages = join(paths, destination, parts_per_round=2)  # four rounds: one saved whole, three appended

    texts = pdf_pages(destination.read_bytes())
    assert pages == len(texts) == 14
    assert [text.split("\n")[0].strip() for text in texts] == [
        f"Part {number} page {page}" for number in range(1, 8) for page in (1, 2)
    ]
    assert destination.read_bytes().count(b"%%EOF") == 4  # the first save and three updates appended to it


def test_one_round_or_none(tmp_path):
    assert join([part(tmp_path, 1, pages=3)], tmp_path / "one.pdf") == 3
    assert join([], tmp_path / "none.pdf") == 0


def test_an_update_that_does_not_begin_with_the_file_is_refused_and_nothing_is_appended(tmp_path):
    path = part(tmp_path, 1)
    before = path.read_bytes()
    update = AppendedUpdate(path)

    with pytest.raises(NotAnIncrementalUpdate):
        update.write(b"X" * len(before) + b"appended")
    update.close()

    assert path.read_bytes() == before
