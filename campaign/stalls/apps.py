from django.apps import AppConfig

from core.organisers import GrantsOrganisers

from .permissions import ORGANISER_PERMISSIONS


class StallsConfig(GrantsOrganisers, AppConfig):
    name = "campaign.stalls"
    label = "stalls"
    verbose_name = "Stalls"
    organiser_permissions = ORGANISER_PERMISSIONS
