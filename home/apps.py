from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and site settings"

    def ready(self):
        from django.apps import apps

        from . import signals  # noqa: F401 - connects the page cache purge
        from .organisers import grant_after_migrate

        # Organisers see the email queue (failed emails among it).
        grant_after_migrate(apps.get_app_config("django_tasks_database"), ["django_tasks_database.view_dbtaskresult"])
