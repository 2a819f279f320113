from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The top of the site: the home page, plain pages, site settings, navigation and the demo loader.

    It composes the feature apps (the home page lists their events and news;
    the demo loader builds every app's content); nothing below imports it.
    """

    name = "home"
    verbose_name = "Home and site settings"
