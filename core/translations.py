"""The project's own translation catalogues: found, and compiled from .po to .mo in pure Python.

Django reads compiled catalogues (.mo) only. Its `compilemessages` needs GNU
gettext's msgfmt, which a fresh machine or a slim container may lack; polib
(already installed with wagtail-localize) writes the same files. The .mo files
are build output, not kept in git: `make install` (so `make run` and `make
test`) and the Procfile's release step compile them.
"""

from pathlib import Path

import polib
from django.conf import settings

SKIPPED_FOLDERS = {".venv", "node_modules", ".git", "staticfiles", "media"}


def catalogues(root=None):
    """Every django.po of the project (each app's <app>/locale/ and the shared locale/), outside installed packages."""
    root = Path(root or settings.BASE_DIR)
    for path in sorted(root.rglob("locale/*/LC_MESSAGES/django.po")):
        if not SKIPPED_FOLDERS.intersection(path.relative_to(root).parts):
            yield path


def compile_catalogue(po_path):
    """Write the .mo beside `po_path` when it is missing or older; True if it was written.

    Fuzzy entries are left out, as msgfmt leaves them: a guess is not a translation.
    """
    mo_path = po_path.with_suffix(".mo")
    if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
        return False
    catalogue = polib.pofile(str(po_path))
    for entry in [entry for entry in catalogue if entry.fuzzy]:
        catalogue.remove(entry)
    catalogue.save_as_mofile(str(mo_path))
    return True
