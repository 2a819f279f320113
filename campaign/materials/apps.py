from django.apps import AppConfig

from core.organisers import GrantsOrganisers

from .permissions import ORGANISER_PERMISSIONS


class MaterialsConfig(GrantsOrganisers, AppConfig):
    name = "campaign.materials"
    label = "materials"
    verbose_name = "Materials and print orders"
    organiser_permissions = ORGANISER_PERMISSIONS
