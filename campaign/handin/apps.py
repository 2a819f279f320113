from django.apps import AppConfig


class HandinConfig(AppConfig):
    name = "campaign.handin"
    label = "handin"
    verbose_name = "Hand-in"
