"""Paper for the street and the hand-in: blank signature sheets, the hand-in pack and count certificates."""

from django.apps import AppConfig

from core.organisers import GrantsOrganisers

from .permissions import ORGANISER_PERMISSIONS


class HandinConfig(GrantsOrganisers, AppConfig):
    name = "campaign.handin"
    label = "handin"
    verbose_name = "Hand-in"
    organiser_permissions = ORGANISER_PERMISSIONS
