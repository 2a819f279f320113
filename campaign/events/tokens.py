"""The signed links in RSVP emails (core.signed_links): cancelling, and confirming where the event asks for it.

Both are bound to the RSVP's address. The cancel link never expires (the
event's end makes it moot); the confirm link expires after CONFIRM_MAX_AGE,
and an unconfirmed RSVP is deleted soon after (rsvp_retention).
"""

from core.signed_links import SignedLink

from .models.rsvps import Rsvp

CONFIRM_MAX_AGE = 48 * 60 * 60  # two days to press the button


def _address(rsvp):
    return [rsvp.email]


CANCEL = SignedLink("campaign.events.rsvp-cancel", Rsvp.objects.select_related("event"), _address)
CONFIRM = SignedLink(
    "campaign.events.rsvp-confirm", Rsvp.objects.select_related("event"), _address, max_age=CONFIRM_MAX_AGE
)
