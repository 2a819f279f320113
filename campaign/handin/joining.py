"""Joining the pack's part files into one PDF, page by page (pypdfium2), in memory that does not grow with it.

A document pypdfium2 builds holds every page imported into it until it is saved, so a million names would
be held at once. Instead the parts are imported a round at a time into the file as it stands, and each
round is saved as a PDF incremental update: the standard's way to add to a file by appending to it
(ISO 32000-1, 7.5.6), with FPDF_INCREMENTAL. PDFium writes an incremental update as the original file's
bytes followed by the update; `AppendedUpdate` checks that it began with exactly the file's bytes and
appends only what follows, so no round copies the file. PDFium reads the file it opens lazily, object by
object; a round costs the memory of its own pages and the file's table of objects.
"""

import os

import pypdfium2
import pypdfium2.raw as pdfium_c

PARTS_PER_ROUND = 10


class NotAnIncrementalUpdate(RuntimeError):
    """PDFium's incremental save did not start with the original file: the library changed (see the test)."""


class AppendedUpdate:
    """A writable for PDFium's incremental save: checks the copy of the file it starts with, appends the rest."""

    CHECKED = 4096  # bytes compared at the start and the end of the copy

    def __init__(self, path):
        self.path, self.original = path, os.path.getsize(path)
        with open(path, "rb") as original:
            self.head = original.read(self.CHECKED)
            original.seek(max(0, self.original - self.CHECKED))
            self.tail = original.read()
        self.seen, self.copied_head, self.copied_tail = 0, b"", b""
        self.output = open(path, "ab")  # noqa: SIM115 (closed by close())

    def write(self, data):
        data = bytes(data)
        copy = data[: max(0, self.original - self.seen)]
        if copy:
            if len(self.copied_head) < len(self.head):
                self.copied_head += copy[: len(self.head) - len(self.copied_head)]
            self.copied_tail = (self.copied_tail + copy)[-len(self.tail) :] if self.tail else b""
        self.seen += len(data)
        if len(copy) < len(data):
            self.check_copy()
            self.output.write(data[len(copy) :])
        return len(data)

    def check_copy(self):
        if self.copied_head != self.head or self.copied_tail != self.tail:
            raise NotAnIncrementalUpdate("PDFium's incremental save did not begin with the file as it was.")

    def finish(self):
        """After the save: the copy was the file's, and what followed it is on disk."""
        self.check_copy()
        self.output.close()

    def close(self):
        self.output.close()


def import_all(document, paths):
    """Add the pages of the PDFs at `paths` to the end of `document`; return how many were added."""
    added = 0
    for path in paths:
        part = pypdfium2.PdfDocument(str(path))
        try:
            document.import_pages(part)
            added += len(part)
        finally:
            part.close()
    return added


def join(paths, destination, parts_per_round=PARTS_PER_ROUND):
    """Write the pages of the PDFs at `paths`, in order, into the file `destination`; return the number of pages."""
    paths = list(paths)
    rounds = [paths[start : start + parts_per_round] for start in range(0, len(paths), parts_per_round)]
    first = pypdfium2.PdfDocument.new()
    try:
        pages = import_all(first, rounds[0] if rounds else [])
        first.save(str(destination))
    finally:
        first.close()
    for round_paths in rounds[1:]:
        document = pypdfium2.PdfDocument(str(destination))
        update = AppendedUpdate(destination)
        try:
            pages += import_all(document, round_paths)
            document.save(update, flags=pdfium_c.FPDF_INCREMENTAL)
            update.finish()
        finally:
            document.close()
            update.close()
    return pages
