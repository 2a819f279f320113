from django.apps import AppConfig

from core.organisers import GrantsOrganisers

from .permissions import ORGANISER_PAGE_PERMISSIONS, ORGANISER_PERMISSIONS


class NewsConfig(GrantsOrganisers, AppConfig):
    name = "campaign.news"
    label = "news"
    verbose_name = "News updates"
    organiser_permissions = ORGANISER_PERMISSIONS
    organiser_page_permissions = ORGANISER_PAGE_PERMISSIONS
