"""The motion's numbered lists each start at 1, and the python-docx parts word_numbering.py writes on are still there.

word_numbering.py is the one place the project writes Word's XML itself
(python-docx has no API to restart a list): if python-docx changes what it
hands out, these tests fail before a branch secretary gets a broken file.
"""

import docx

from campaign.motion.blocks import motion_blocks
from campaign.motion.word import NUMBERED, motion_docx
from campaign.motion.word_numbering import w
from tests.motion.word_xml import W, numbering_instances, paragraph_numbering, part

MOTION = (
    "<p>[branch] notes:</p><ol><li>One.</li><li>Two.</li><li>Three.</li></ol>"
    "<p>[branch] believes:</p><ol><li>Four.</li></ol>"
    "<ul><li>A bullet.</li></ul>"
    "<p>[branch] resolves:</p><ol><li>Five.</li><li>Six.</li></ol>"
)


def test_each_numbered_list_starts_again_at_one_in_the_list_number_style():
    content = motion_docx("Model motion for Leeds", motion_blocks(MOTION, "Leeds"))

    paragraphs = paragraph_numbering(content)
    numbered = [(num_id, text) for style, num_id, text in paragraphs if style == "ListNumber"]
    assert [text for _, text in numbered] == ["One.", "Two.", "Three.", "Four.", "Five.", "Six."]
    lists = [num_id for num_id, _ in numbered]
    assert lists[0] == lists[1] == lists[2] != lists[3] != lists[4] == lists[5] != lists[0]
    instances = numbering_instances(content)
    style = next(s for s in part(content, "word/styles.xml").iter(f"{W}style") if s.get(f"{W}styleId") == "ListNumber")
    style_abstract, _ = instances[style.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val")]
    for num_id in set(lists):
        assert instances[num_id] == (style_abstract, 1)  # the style's own numbering, from 1
    assert [num_id for style, num_id, _ in paragraphs if style == "ListBullet"] == [None]  # bullets: the style's


def test_python_docx_still_hands_out_the_elements_the_numbering_is_written_on():
    document = docx.Document()

    numbering = document.part.numbering_part.element
    assert numbering.tag == w("numbering")
    children = [child.tag for child in numbering]
    assert w("num") in children and children.index(w("num")) > max(
        index for index, tag in enumerate(children) if tag == w("abstractNum")
    )
    assert document.styles[NUMBERED].element.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}") is not None
    paragraph = document.add_paragraph(style=NUMBERED)
    element = paragraph.paragraph_format.element
    assert element.tag == w("p")
    assert [child.tag for child in element.find(w("pPr"))] == [w("pStyle")]
