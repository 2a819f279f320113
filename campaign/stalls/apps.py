from django.apps import AppConfig

from core.organisers import GrantsOrganisers

from .permissions import ORGANISER_PERMISSIONS


class StallsConfig(GrantsOrganisers, AppConfig):
    name = "campaign.stalls"
    label = "stalls"
    verbose_name = "Stalls"
    organiser_permissions = ORGANISER_PERMISSIONS

    def ready(self):
        super().ready()
        from statements.review import add_grouping

        from .review import ByStallAndDevice

        add_grouping("stall", ByStallAndDevice())
