"""The campaign app's share of the "Campaign organisers" group."""

ORGANISER_PERMISSIONS = [
    "campaign.view_printorder",
    "campaign.change_printorder",
    "campaign.view_speakerrequest",
    "campaign.change_speakerrequest",
    "campaign.view_eventsubmission",
    "campaign.change_eventsubmission",
    "campaign.view_form_submissions",
    "campaign.view_material",
]
