"""Factories for news updates."""

import factory
import wagtail_factories

from campaign.news.models import UpdateIndexPage, UpdatePage


class UpdateIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    slug = "news"

    class Meta:
        model = UpdateIndexPage


class UpdatePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Update {n}")
    standfirst = "Something happened."

    class Meta:
        model = UpdatePage
