"""The host's private pages, under /host/."""

from django.urls import path

from . import views

app_name = "hosts"

urlpatterns = [
    path("host/new-link/", views.new_link, name="new_link"),
    path("host/stop-messages/", views.stop_messages, name="stop_messages"),
    path("host/<str:token>/", views.overview, name="page"),
    path("host/<str:token>/message/", views.message, name="message"),
    path("host/<str:token>/change/", views.change, name="change"),
    path("host/<str:token>/cancel/", views.cancel, name="cancel"),
    path("host/<str:token>/came/", views.came, name="came"),
    path("host/<str:token>/paper/", views.paper, name="paper"),
    path("host/<str:token>/co-host/", views.co_host, name="co_host"),
]
