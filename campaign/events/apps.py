from django.apps import AppConfig
from wagtail.signals import page_published

from core.organisers import GrantsOrganisers

from .permissions import ORGANISER_PERMISSIONS


class EventsConfig(GrantsOrganisers, AppConfig):
    name = "campaign.events"
    label = "events"
    verbose_name = "Events"
    organiser_permissions = ORGANISER_PERMISSIONS

    def ready(self):
        super().ready()
        from .emails import register_emails, tell_submitters_published  # the models are loaded only now

        register_emails()
        page_published.connect(
            tell_submitters_published, sender=self.get_model("EventPage"), dispatch_uid="events-tell-submitters"
        )
