"""The QR code to the statement: a file with an extension, so a plain Django view."""

from django.urls import path

from .views import qr_code

urlpatterns = [path("qr/statement.<str:kind>", qr_code, name="statement_qr")]
