"""The introductions' own addresses: a member's group page, leaving a group, choosing to be introduced."""

from django.urls import path

from . import views

app_name = "introductions"

urlpatterns = [
    path("introductions/leave/", views.leave, name="leave"),
    path("introductions/choose/", views.choose, name="choose"),
    path("introductions/group/<str:token>/", views.group, name="group"),
]
