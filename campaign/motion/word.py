"""The motion as a Word document (python-docx): a title, headings, paragraphs and real Word lists.

Each numbered list starts again at 1, as the "notes / believes / resolves"
sections of a motion do, and stays a Word list the secretary can add to.
"""

import io

import docx

NUMBERED, BULLETED = "List Number", "List Bullet"


def motion_docx(title, blocks):
    """The .docx file's bytes."""
    document = docx.Document()
    document.core_properties.title = title
    document.add_heading(title, level=0)
    for block in blocks:
        if block.kind == "list":
            _add_list(document, block)
        elif block.kind == "heading":
            _add_runs(document.add_heading(level=block.level), block.runs)
        else:
            _add_runs(document.add_paragraph(), block.runs)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_runs(paragraph, runs):
    for run in runs:
        added = paragraph.add_run(run.text)
        added.bold = run.bold or None
        added.italic = run.italic or None


def _add_list(document, block):
    num_id = _numbering_from_one(document) if block.ordered else None
    for runs in block.items:
        paragraph = document.add_paragraph(style=NUMBERED if block.ordered else BULLETED)
        if num_id is not None:
            number = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            number.get_or_add_ilvl().val = 0
            number.get_or_add_numId().val = num_id
        _add_runs(paragraph, runs)


def _numbering_from_one(document):
    """A new numbering instance of the "List Number" style that starts at 1 (python-docx has no API for it)."""
    numbering = document.part.numbering_part.element
    style_num_id = document.styles[NUMBERED].element.pPr.numPr.numId.val
    abstract_id = numbering.num_having_numId(style_num_id).abstractNumId.val
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return num.numId
