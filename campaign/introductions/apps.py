"""Introductions: bringing signers together where they live and work, once three in a place have asked."""

from django.apps import AppConfig

from core.organisers import GrantsOrganisers

from .permissions import ORGANISER_PERMISSIONS


class IntroductionsConfig(GrantsOrganisers, AppConfig):
    name = "campaign.introductions"
    label = "introductions"
    verbose_name = "Introductions"
    default_auto_field = "django.db.models.BigAutoField"
    organiser_permissions = ORGANISER_PERMISSIONS
