from django.apps import AppConfig

from core.organisers import GrantsOrganisers

from .permissions import ORGANISER_PAGE_PERMISSIONS, ORGANISER_PERMISSIONS


class EventsConfig(GrantsOrganisers, AppConfig):
    name = "campaign.events"
    label = "events"
    verbose_name = "Events"
    organiser_permissions = ORGANISER_PERMISSIONS
    organiser_page_permissions = ORGANISER_PAGE_PERMISSIONS
