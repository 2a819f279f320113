"""The campaign app's share of the "Campaign organisers" group, granted after every migrate."""

from django.contrib.auth.management import create_permissions

from home.organisers import organisers_group

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


def grant_organiser_permissions(app_config, **kwargs):
    """post_migrate: make sure the group exists and holds this app's organiser permissions."""
    if app_config.label != "campaign":
        return
    using = kwargs.get("using", "default")
    create_permissions(app_config, verbosity=0, using=using)
    organisers_group(*ORGANISER_PERMISSIONS, using=using)
