from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = "Campaign activity"

    def ready(self):
        from .permissions import grant_organiser_permissions

        post_migrate.connect(grant_organiser_permissions, sender=self)
