"""The introductions app's share of the "Campaign organisers" group: read the groups and the messages' log."""

ORGANISER_PERMISSIONS = [
    "introductions.view_introductiongroup",
    "introductions.view_groupmessage",
]
