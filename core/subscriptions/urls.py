from django.urls import path

from . import views

urlpatterns = [
    path("your-data/", views.your_data, name="your_data"),
    path("your-data/unsubscribe/", views.unsubscribe, name="unsubscribe"),
    path("email-updates/", views.ask_for_updates, name="ask_for_updates"),
    path("email-updates/check-your-inbox/", views.updates_check_inbox, name="updates_check_inbox"),
    path("your-data/confirm-updates/", views.confirm_consent, name="confirm_updates"),
]
