"""The motion app's share of the "Campaign organisers" group: speaker invitations."""

ORGANISER_PERMISSIONS = ["motion.view_speakerrequest", "motion.change_speakerrequest"]
