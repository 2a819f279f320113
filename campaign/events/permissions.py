"""The events app's share of the "Campaign organisers" group: working through submitted activities.

Delete too: erasing someone's submission on request is the organisers' job (SECURITY.md).
"""

ORGANISER_PERMISSIONS = [
    "events.view_eventsubmission",
    "events.change_eventsubmission",
    "events.delete_eventsubmission",
]
