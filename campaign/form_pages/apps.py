from django.apps import AppConfig

from core.organisers import GrantsOrganisers

from .permissions import ORGANISER_PERMISSIONS


class FormPagesConfig(GrantsOrganisers, AppConfig):
    name = "campaign.form_pages"
    label = "form_pages"
    verbose_name = "Form pages"
    organiser_permissions = ORGANISER_PERMISSIONS
