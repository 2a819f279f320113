"""What may be done with signatures, and the share of it the "Campaign organisers" group gets."""

from core.organisers import ORGANISERS_GROUP

EMAIL_PERMISSION = "statements.view_signature_email"
EXPORT_PERMISSION = "statements.export_signature"
IMPORT_PERMISSION = "statements.import_signature"
REVIEW_PERMISSION = "statements.review_signature"
VIEW_PERMISSION = "statements.view_signature"
INVALIDATE_PERMISSION = "statements.delete_signature"  # invalidating deletes

ORGANISER_PERMISSIONS = [
    VIEW_PERMISSION,
    "statements.change_signature",
    INVALIDATE_PERMISSION,
    EMAIL_PERMISSION,
    EXPORT_PERMISSION,
    IMPORT_PERMISSION,
    REVIEW_PERMISSION,
    # Targets, what each statement asks of them, hand-ins and responses (models/outcomes.py): kept and published
    *[f"statements.{action}_{model}" for model in ("target", "ask") for action in ("add", "change", "delete", "view")],
    *[
        f"statements.{action}_{model}"
        for model in ("handin", "answer")
        for action in ("add", "change", "delete", "view", "publish")
    ],
    # Named sources (models/sources.py): the codes organisers hand out, partners' sites among them.
    *[f"statements.{action}_namedsource" for action in ("add", "change", "delete", "view")],
]


def may_close_signing(user, page):
    """Who may close or reopen a statement's signing: whoever may publish it, and the campaign's organisers.

    Closing and reopening publish the page with a new closing time only (statements.closing), never its
    words, and organisers run the hand-in that closing begins, so they may, without the page editing
    they do not have; as for anonymising, membership of the group is the test.
    """
    if not user.is_active:
        return False
    return user.groups.filter(name=ORGANISERS_GROUP).exists() or page.permissions_for_user(user).can_publish()
