from django.apps import AppConfig

from core.organisers import GrantsOrganisers

from .permissions import ORGANISER_PERMISSIONS


class MotionConfig(GrantsOrganisers, AppConfig):
    name = "campaign.motion"
    label = "motion"
    verbose_name = "Model motion and speakers"
    organiser_permissions = ORGANISER_PERMISSIONS
