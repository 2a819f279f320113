"""The motion app's share of the "Campaign organisers" group: speaker invitations and motion reports.

Delete too: erasing someone's invitation or report on request is the organisers' job (SECURITY.md).
Changing a report includes verifying it (the bulk verify screen).
"""

ORGANISER_PERMISSIONS = [
    "motion.view_speakerrequest",
    "motion.change_speakerrequest",
    "motion.delete_speakerrequest",
    "motion.view_motionreport",
    "motion.change_motionreport",
    "motion.delete_motionreport",
]
