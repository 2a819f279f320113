from django.apps import AppConfig

from core.organisers import GrantsOrganisers

from .permissions import ORGANISER_PERMISSIONS


class NewsConfig(GrantsOrganisers, AppConfig):
    name = "campaign.news"
    label = "news"
    verbose_name = "News updates"
    organiser_permissions = ORGANISER_PERMISSIONS
