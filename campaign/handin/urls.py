"""Plain URLs of the hand-in app."""

urlpatterns = []
