"""The motion app's share of the "Campaign organisers" group: speaker invitations.

Delete too: erasing someone's invitation on request is the organisers' job (SECURITY.md).
"""

ORGANISER_PERMISSIONS = ["motion.view_speakerrequest", "motion.change_speakerrequest", "motion.delete_speakerrequest"]
