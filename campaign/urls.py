"""URLs of the campaign app that are not Wagtail pages."""

urlpatterns = []
