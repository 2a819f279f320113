"""The motion as a Word document (python-docx): a title, headings, paragraphs and real Word lists.

Each numbered list starts again at 1, as the "notes / believes / resolves"
sections of a motion do, and stays a Word list the secretary can add to
(word_numbering.py: the one part python-docx has no API for). The site's
imprint, which UK election law asks of campaign material, is in the footer
of every page.
"""

import io

import docx

from .word_numbering import number_with, numbering_from_one

NUMBERED, BULLETED = "List Number", "List Bullet"


def motion_docx(title, blocks, imprint=""):
    """The .docx file's bytes."""
    document = docx.Document()
    document.core_properties.title = title
    if imprint:
        document.sections[0].footer.paragraphs[0].text = imprint
    document.add_heading(title, level=0)
    for block in blocks:
        if block.kind == "list":
            add_list(document, block)
        elif block.kind == "heading":
            add_runs(document.add_heading(level=block.level), block.runs)
        else:
            add_runs(document.add_paragraph(), block.runs)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_runs(paragraph, runs):
    for run in runs:
        added = paragraph.add_run(run.text)
        added.bold = run.bold or None
        added.italic = run.italic or None


def add_list(document, block):
    num_id = numbering_from_one(document, NUMBERED) if block.ordered else None
    for runs in block.items:
        paragraph = document.add_paragraph(style=NUMBERED if block.ordered else BULLETED)
        if num_id is not None:
            number_with(paragraph, num_id)
        add_runs(paragraph, runs)
