"""Plain URLs of the home app: the icons and the web manifest, at the addresses browsers expect."""

from django.urls import path

from . import views
from .icons import APP_ICON_SIZES

urlpatterns = [
    path("favicon.ico", views.favicon, name="favicon"),
    path("manifest.webmanifest", views.web_manifest, name="web-manifest"),
    *[path(f"{kind}.png", views.app_icon(kind), name=kind) for kind in APP_ICON_SIZES],
]
