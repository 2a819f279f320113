"""The constituency pages' addresses: none beside the page; WhereSignedPage routes them all (models.py)."""

urlpatterns = []
