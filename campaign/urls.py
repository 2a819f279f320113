"""URLs of the campaign app that are not Wagtail pages."""

from django.urls import re_path

from campaign.calendar import calendar_view

urlpatterns = [
    # /events.ics (the feed) and /events/<event>.ics ("Add to calendar"):
    # Wagtail's page paths cannot hold a dot, so these are plain Django views.
    re_path(r"^(?P<page_path>(?:[\w\-]+/)*[\w\-]+)\.ics$", calendar_view, name="campaign_calendar"),
]
