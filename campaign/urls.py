"""URLs of the campaign app that are not Wagtail pages."""

from django.urls import path

from campaign.views.qr import qr_code

urlpatterns = [
    path("qr/statement.<str:kind>", qr_code, name="statement_qr"),
]
