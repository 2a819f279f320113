"""The motion as a Word document (python-docx): a title, headings, paragraphs and real Word lists.

Each numbered list starts again at 1, as the "notes / believes / resolves"
sections of a motion do, and stays a Word list the secretary can add to
(word_numbering.py: the one part python-docx has no API for). The site's
imprint, which UK election law asks of campaign material, is in the footer
of every page.
"""

import io

import docx
from django.utils import translation

from .word_numbering import number_with, numbering_from_one, w

NUMBERED, BULLETED = "List Number", "List Bullet"
# Word's proofing language for a file made in Welsh (an English one keeps python-docx's default).
WORD_LANGUAGES = {"cy": "cy-GB"}


def motion_docx(title, blocks, imprint=""):
    """The .docx file's bytes."""
    document = docx.Document()
    document.core_properties.title = title
    set_language(document, WORD_LANGUAGES.get(translation.get_language()))
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


def set_language(document, language):
    """Mark the text as written in `language` (a BCP 47 tag), so Word checks its spelling in that language."""
    if not language:
        return
    document.core_properties.language = language
    lang = document.styles.element.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('lang')}")
    if lang is not None:
        lang.set(w("val"), language)


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
