"""The one thing python-docx has no API for: a Word numbered list that starts again at 1.

Word numbers a "List Number" paragraph through a numbering instance; every
list sharing one counts on from the last. So each list gets a new instance of
the style's numbering, restarted at 1, and its paragraphs name it. Written on
the lxml elements python-docx hands out publicly (`.element`), in
WordprocessingML's own names; tests/motion/test_word_numbering.py fails if
python-docx stops giving them.
"""

WORDPROCESSINGML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(name):
    """A WordprocessingML tag or attribute name, as lxml spells it."""
    return f"{{{WORDPROCESSINGML}}}{name}"


def new_element(beside, name, **attributes):
    """A WordprocessingML element made by the document `beside` belongs to (so python-docx reads it back)."""
    return beside.makeelement(w(name), {w(key): value for key, value in attributes.items()})


def add_child(parent, name, **attributes):
    child = new_element(parent, name, **attributes)
    parent.append(child)
    return child


def numbering_from_one(document, style_name):
    """A new numbering instance of the style's list numbering, starting at 1; its id."""
    numbering = document.part.numbering_part.element
    style_num_id = document.styles[style_name].element.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}").get(w("val"))
    instances = list(numbering.iterchildren(w("num")))
    [style_instance] = [num for num in instances if num.get(w("numId")) == style_num_id]
    num_id = str(1 + max(int(num.get(w("numId"))) for num in instances))
    num = new_element(numbering, "num", numId=num_id)
    add_child(num, "abstractNumId", val=style_instance.find(w("abstractNumId")).get(w("val")))
    add_child(add_child(num, "lvlOverride", ilvl="0"), "startOverride", val="1")
    instances[-1].addnext(num)  # instances come after the abstract definitions, before anything else
    return num_id


def number_with(paragraph, num_id):
    """Number a paragraph (of a list style) by the given instance, at the list's first level."""
    properties = paragraph.paragraph_format.element.find(w("pPr"))
    numbered = new_element(properties, "numPr")
    add_child(numbered, "ilvl", val="0")
    add_child(numbered, "numId", val=num_id)
    properties.find(w("pStyle")).addnext(numbered)  # numPr follows the style, as the schema orders them
