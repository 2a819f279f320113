"""Reading the text of a PDF the site made, page by page (pypdfium2), as a reader's copy-and-paste would."""

import pypdfium2


def pdf_pages(content):
    """Each page's text, in order."""
    document = pypdfium2.PdfDocument(content)
    try:
        texts = []
        for page in document:
            text_page = page.get_textpage()
            texts.append(text_page.get_text_range())
            text_page.close()
            page.close()
        return texts
    finally:
        document.close()


def pdf_text(content):
    """The whole document's text with each line's breaks as spaces (names wrap across lines)."""
    return " ".join(" ".join(page.split()) for page in pdf_pages(content))
