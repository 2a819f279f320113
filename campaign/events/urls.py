"""Calendar files: plain Django views, because Wagtail's page paths cannot hold a dot."""

from django.urls import re_path

from .calendar import calendar_view

urlpatterns = [
    # /events.ics (the feed) and /events/<event>.ics ("Add to calendar").
    re_path(r"^(?P<page_path>(?:[\w\-]+/)*[\w\-]+)\.ics$", calendar_view, name="events_calendar"),
]
