"""The stall's plain URLs, all under /stall/ (the service worker's scope)."""

from django.urls import path

from . import views

urlpatterns = [
    path("stall/", views.stall, name="stall"),
    path("stall/signatures/", views.sign, name="stall_sign"),
    path("stall/entries/", views.entries, name="stall_entries"),
    path("stall/sw.js", views.service_worker, name="stall_worker"),
]
