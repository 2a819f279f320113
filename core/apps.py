from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules

from .organisers import grant_after_migrate


class CoreConfig(AppConfig):
    """The site's machinery: page cache, cache, form protection, emails, health, logs, sharing.

    It owns no page and no campaign concept, and imports no other app of the
    project: the feature apps and `home` build on it, never the reverse.
    """

    name = "core"
    verbose_name = "Site machinery"

    def ready(self):
        from . import signals  # noqa: F401 - Django's convention: ready() connects the signal handlers
        from .subscriptions import tracking  # noqa: F401 - bounces and complaints stop updates

        # Each app's emails.py registers how its emails are built (core.emails.register_email),
        # as Django's admin finds admin.py modules: core never names the apps.
        autodiscover_modules("emails")
        # Each app's personal_data.py says what it holds about an address (the "your data" page).
        autodiscover_modules("personal_data")

        # Organisers see the email queue (failed emails among it).
        grant_after_migrate("django_tasks_database", ["django_tasks_database.view_dbtaskresult"])
