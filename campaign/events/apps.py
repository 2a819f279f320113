from django.apps import AppConfig

from core.organisers import GrantsOrganisers

from .permissions import ORGANISER_PERMISSIONS


class EventsConfig(GrantsOrganisers, AppConfig):
    name = "campaign.events"
    label = "events"
    verbose_name = "Events"
    organiser_permissions = ORGANISER_PERMISSIONS
