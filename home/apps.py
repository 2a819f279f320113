from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and site settings"

    def ready(self):
        from . import signals  # noqa: F401 - connects the page cache purge
