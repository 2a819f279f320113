from django.apps import AppConfig

from core.organisers import GrantsOrganisers

from .permissions import ORGANISER_PERMISSIONS


class FormPagesConfig(GrantsOrganisers, AppConfig):
    name = "campaign.form_pages"
    label = "form_pages"
    verbose_name = "Form pages"
    organiser_permissions = ORGANISER_PERMISSIONS

    def ready(self):
        super().ready()
        from .emails import register_emails  # the models are loaded only now

        register_emails()
