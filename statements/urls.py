"""URLs of the statements app that are not Wagtail pages."""

urlpatterns = []
