from django.apps import AppConfig

from core.organisers import GrantsOrganisers

from .permissions import ORGANISER_PERMISSIONS


class MaterialsConfig(GrantsOrganisers, AppConfig):
    name = "campaign.materials"
    label = "materials"
    verbose_name = "Materials and print orders"
    organiser_permissions = ORGANISER_PERMISSIONS

    def ready(self):
        super().ready()
        from .emails import register_emails  # the models are loaded only now

        register_emails()
