from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save

from core.organisers import GrantsOrganisers, organisers_group

from .permissions import ORGANISER_PERMISSIONS, organisers_publish_events_under


class EventsConfig(GrantsOrganisers, AppConfig):
    name = "campaign.events"
    label = "events"
    verbose_name = "Events"
    organiser_permissions = ORGANISER_PERMISSIONS

    def ready(self):
        super().ready()
        post_save.connect(
            self.new_events_list, sender=self.get_model("EventIndexPage"), dispatch_uid="events-list-organisers"
        )
        post_migrate.connect(self.every_events_list, sender=self, weak=False, dispatch_uid="events-lists-organisers")

    @staticmethod
    def new_events_list(sender, instance, created, raw=False, using="default", **kwargs):
        """Organisers publish the events they accept under a new events list page too (permissions.py)."""
        if created and not raw:
            organisers_publish_events_under(instance, organisers_group(using=using), using=using)

    def every_events_list(self, sender, using="default", **kwargs):
        """After a migrate, every events list page already made (none on a new database: nothing asked of it)."""
        for index_page in self.get_model("EventIndexPage").objects.using(using):
            organisers_publish_events_under(index_page, organisers_group(using=using), using=using)
