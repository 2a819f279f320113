"""The motion app's share of the "Campaign organisers" group: speaker invitations, motion reports and the
conference pathway (conferences, affiliated bodies, steps, pledges, notices to delegates).

Delete too: erasing someone's invitation, report, step or pledge on request is the organisers' job (SECURITY.md).
Changing a report, a step or a pledge includes verifying it (the bulk verify screens).
"""

ORGANISER_PERMISSIONS = [
    "motion.view_speakerrequest",
    "motion.change_speakerrequest",
    "motion.delete_speakerrequest",
    "motion.view_motionreport",
    "motion.change_motionreport",
    "motion.delete_motionreport",
    "motion.view_pathwaystep",
    "motion.change_pathwaystep",
    "motion.delete_pathwaystep",
    "motion.view_delegatepledge",
    "motion.change_delegatepledge",
    "motion.delete_delegatepledge",
    "motion.add_conference",
    "motion.change_conference",
    "motion.view_conference",
    "motion.add_affiliatedbody",
    "motion.change_affiliatedbody",
    "motion.view_affiliatedbody",
    "motion.add_conferencenotice",
    "motion.view_conferencenotice",
]
