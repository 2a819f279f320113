from django.apps import AppConfig


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = "Campaign activity"

    def ready(self):
        from home.organisers import grant_after_migrate

        from .permissions import ORGANISER_PERMISSIONS

        grant_after_migrate(self, ORGANISER_PERMISSIONS)
