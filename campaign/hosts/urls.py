"""The host's private pages, under /host/."""

urlpatterns = []
