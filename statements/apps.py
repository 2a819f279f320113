from django.apps import AppConfig

from core.organisers import GrantsOrganisers

from .permissions import ORGANISER_PERMISSIONS


class StatementsConfig(GrantsOrganisers, AppConfig):
    name = "statements"
    verbose_name = "Statement and signatures"
    organiser_permissions = ORGANISER_PERMISSIONS
