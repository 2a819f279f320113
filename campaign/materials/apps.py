from django.apps import AppConfig

from core.organisers import GrantsOrganisers

from .permissions import ORGANISER_COLLECTION_PERMISSIONS, ORGANISER_PAGE_PERMISSIONS, ORGANISER_PERMISSIONS


class MaterialsConfig(GrantsOrganisers, AppConfig):
    name = "campaign.materials"
    label = "materials"
    verbose_name = "Materials and print orders"
    organiser_permissions = ORGANISER_PERMISSIONS
    organiser_collection_permissions = ORGANISER_COLLECTION_PERMISSIONS
    organiser_page_permissions = ORGANISER_PAGE_PERMISSIONS
