from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "campaign.news"
    label = "news"
    verbose_name = "News updates"
