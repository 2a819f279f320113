"""The events app's share of the "Campaign organisers" group: submitted activities and RSVPs.

Delete too for submissions: erasing someone's submission on request is the
organisers' job (SECURITY.md). For RSVPs, seeing the list (and its CSV) and
marking who came; an RSVP is cancelled by its own link, which keeps the counts.
"""

ORGANISER_PERMISSIONS = [
    "events.view_eventsubmission",
    "events.change_eventsubmission",
    "events.delete_eventsubmission",
    "events.view_rsvp",
    "events.change_rsvp",
]
