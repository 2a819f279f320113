"""The code printed on a run of paper signature sheets, and the source code it gives their signatures.

The hand-in app prints the code on each sheet and in its QR code (`?src=sheet-<code>`); the paper import
takes it back from the organiser who types a returned sheet in, so a signature from the sheet and one
from its QR code count under the same source. Its letters are in statements, which both read: the import
may not import the hand-in app, which sits above it.
"""

import re

from django.core.exceptions import ValidationError

# Codes a person copies from paper: no 0/O, 1/I/L, 5/S, 8/B to confuse.
LETTERS = "ACDEFGHJKMNPQRTUVWXYZ234679"
LENGTH = 6
SOURCE_PREFIX = "sheet-"
FORMAT = re.compile(rf"[{LETTERS}]{{{LENGTH}}}")


def source_code(code):
    """The source code of a batch (Signature.referral_code, the sheet's ?src=): "sheet-" and the code, lower case."""
    return f"{SOURCE_PREFIX}{code.lower()}"


def read_batch_code(typed):
    """The batch code an organiser typed, as printed ("k7q xmp", "Batch K7QXMP" or "sheet-k7qxmp" read the same).

    "" for nothing typed; ValidationError for anything that is not a code a sheet could carry.
    """
    code = "".join((typed or "").split()).upper().removeprefix("BATCH").removeprefix(SOURCE_PREFIX.upper())
    if not code:
        return ""
    if not FORMAT.fullmatch(code):
        raise ValidationError(
            f"A batch code is the {LENGTH} letters and digits printed after “Batch” at the top of the sheet, "
            f"for example K7QXMP. It never has 0, O, 1, I, L, 5, S, 8 or B.",
            code="batch_code",
        )
    return code
