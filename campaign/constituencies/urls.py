"""The constituency pages' addresses."""

urlpatterns = []
