"""Reading a .docx's lists as Word does: straight from its XML, not through python-docx."""

import io
import zipfile
from xml.etree import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def part(content, name):
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        return ElementTree.fromstring(package.read(name))


def paragraph_numbering(content):
    """(style id, numbering id or None, text) of each paragraph of the document's body."""
    paragraphs = []
    for paragraph in part(content, "word/document.xml").iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        num_id = paragraph.find(f"{W}pPr/{W}numPr/{W}numId")
        paragraphs.append(
            (
                None if style is None else style.get(f"{W}val"),
                None if num_id is None else num_id.get(f"{W}val"),
                "".join(text.text or "" for text in paragraph.iter(f"{W}t")),
            )
        )
    return paragraphs


def numbering_instances(content):
    """{numbering id: (abstract numbering id, the number its first level starts again at, or None)}."""
    instances = {}
    for num in part(content, "word/numbering.xml").iter(f"{W}num"):
        start = num.find(f"{W}lvlOverride[@{W}ilvl='0']/{W}startOverride")
        instances[num.get(f"{W}numId")] = (
            num.find(f"{W}abstractNumId").get(f"{W}val"),
            None if start is None else int(start.get(f"{W}val")),
        )
    return instances
