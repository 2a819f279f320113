"""Joining the pack's part files into one PDF, page by page (pypdfium2's import_pages)."""

import pypdfium2


def join(paths, destination):
    """Write the pages of the PDFs at `paths`, in order, into the file `destination`; return the number of pages."""
    joined = pypdfium2.PdfDocument.new()
    try:
        for path in paths:
            part = pypdfium2.PdfDocument(str(path))
            try:
                joined.import_pages(part)
            finally:
                part.close()
        with open(destination, "wb") as output:
            joined.save(output)
        return len(joined)
    finally:
        joined.close()
