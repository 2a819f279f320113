"""URLs of the campaign app that are not Wagtail pages.

Wagtail's page paths cannot hold a dot, so files with an extension are
plain Django views here.
"""

from django.urls import path, re_path

from campaign.calendar import calendar_view
from campaign.views.qr import qr_code

urlpatterns = [
    # /events.ics (the feed) and /events/<event>.ics ("Add to calendar").
    re_path(r"^(?P<page_path>(?:[\w\-]+/)*[\w\-]+)\.ics$", calendar_view, name="campaign_calendar"),
    path("qr/statement.<str:kind>", qr_code, name="statement_qr"),
]
