from django.urls import path

from . import views

urlpatterns = [
    path("your-data/", views.your_data, name="your_data"),
    path("your-data/unsubscribe/", views.unsubscribe, name="unsubscribe"),
    path("your-data/confirm-updates/", views.confirm_consent, name="confirm_updates"),
]
