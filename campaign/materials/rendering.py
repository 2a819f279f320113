"""Pictures of a poster's first page, for materials whose editor gave no preview image.

PDFium (pypdfium2) draws the page as a PDF reader would; uploaded pictures
(PNG, JPEG) are simply scaled. The picture is made once and stored as a
Wagtail image (see `models.previews`), never per request.
"""

import io
import threading

import pypdfium2
from PIL import Image, UnidentifiedImageError

# Long enough for a sharp card and for the 1080 and 1200 pixel social images.
LONGEST_SIDE = 1600
PICTURE_EXTENSIONS = {"png", "jpg", "jpeg"}
RENDERED_EXTENSIONS = {"pdf"} | PICTURE_EXTENSIONS
# PDFium is not thread-safe; the development server and threaded workers share one library.
_pdfium_lock = threading.Lock()


class UnreadableFile(Exception):
    """The file could not be drawn; the message says why, in words an editor understands."""


def can_render(extension):
    return (extension or "").lower() in RENDERED_EXTENSIONS


def first_page_png(data, extension):
    """PNG bytes of the first page of a PDF (or of a picture), at most LONGEST_SIDE pixels long."""
    picture = _pdf_first_page(data) if extension.lower() == "pdf" else _picture(data)
    picture.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
    buffer = io.BytesIO()
    picture.convert("RGB").save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _pdf_first_page(data):
    with _pdfium_lock:
        try:
            pdf = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as error:
            raise UnreadableFile(f"It could not be opened as a PDF: {_reason(error)}") from error
        try:
            if len(pdf) == 0:
                raise UnreadableFile("The PDF has no pages.")
            page = pdf[0]
            width, height = page.get_size()
            if width <= 0 or height <= 0:
                raise UnreadableFile("The PDF's first page has no size.")
            return page.render(scale=LONGEST_SIDE / max(width, height)).to_pil()
        except pypdfium2.PdfiumError as error:
            raise UnreadableFile(f"Its first page could not be drawn: {_reason(error)}") from error
        finally:
            pdf.close()


def _reason(error):
    return f"{str(error).rstrip('.')}."


def _picture(data):
    try:
        picture = Image.open(io.BytesIO(data))
        picture.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise UnreadableFile("The picture could not be opened.") from error
    return picture
