"""The introductions' own addresses (replying through the site)."""

urlpatterns = []
