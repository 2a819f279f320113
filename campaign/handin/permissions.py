"""The hand-in app's share of the "Campaign organisers" group: printing signature sheets and hand-in packs.

A pack lists every public signatory and the sheets' batches are organisers' records, so plain editors get neither.
"""

PACK_PERMISSION = "handin.add_handinpack"
SHEET_PERMISSION = "handin.add_sheetbatch"

ORGANISER_PERMISSIONS = [
    PACK_PERMISSION,
    "handin.view_handinpack",
    SHEET_PERMISSION,
    "handin.view_sheetbatch",
]


def may_use_handin(user):
    """The "Hand-in" screen: anyone who may print sheets or ask for packs (organisers, superusers)."""
    return user.has_perm(PACK_PERMISSION) or user.has_perm(SHEET_PERMISSION)
