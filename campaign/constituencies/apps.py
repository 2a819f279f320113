"""Constituencies: counts where CLPs organise and MPs answer, with the names, bodies and events there."""

from django.apps import AppConfig


class ConstituenciesConfig(AppConfig):
    name = "campaign.constituencies"
    label = "constituencies"
    verbose_name = "Constituencies"
    default_auto_field = "django.db.models.BigAutoField"
