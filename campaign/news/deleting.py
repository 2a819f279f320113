"""An update that was emailed stays: it can be unpublished, never deleted.

Deleting it would take its sends and delivery rows with it (the record of who had it, which keeps a
later send from reaching anyone twice) and empty its link to the hand-in or response it announced,
so that step could be announced and emailed again. Wagtail offers no "Delete" for such an update
(`UpdatePage.permissions_for_user`), and the hooks in wagtail_hooks.py refuse the delete screens for it
and for any page above it, for every user, superusers included.
"""

from .models import UpdatePage, UpdateSend
from .models.sends import emailed

KEPT = "“{}” was emailed to subscribers, so it is kept: unpublish it to take it off the site."
KEPT_BELOW = "“{}” holds updates that were emailed to subscribers, which are kept: unpublish them instead."


def holds_emailed_update(page):
    """Is `page`, or a page below it, an update that reached subscribers? One query."""
    sent_pages = emailed(UpdateSend.objects.all()).values("page_id")
    return UpdatePage.objects.descendant_of(page, inclusive=True).filter(pk__in=sent_pages).exists()


def refusal(page):
    """Why `page` cannot be deleted, or "" when it can."""
    if not holds_emailed_update(page):
        return ""
    return (KEPT if page.specific_class is UpdatePage else KEPT_BELOW).format(page.get_admin_display_title())
