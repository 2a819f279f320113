"""Hosts: the supporters who run an accepted activity, and what they may do for it through their private link."""

from django.apps import AppConfig

from core.organisers import GrantsOrganisers

from .permissions import ORGANISER_PERMISSIONS


class HostsConfig(GrantsOrganisers, AppConfig):
    name = "campaign.hosts"
    label = "hosts"
    verbose_name = "Hosts"
    default_auto_field = "django.db.models.BigAutoField"
    organiser_permissions = ORGANISER_PERMISSIONS

    def ready(self):
        super().ready()
        from . import hosting  # noqa: F401 -- connects the "submitter becomes host" receiver (Django's convention)
