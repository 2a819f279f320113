"""Admin registration for stalls: the sessions, the totals by event, and the import for an event."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from statements.permissions import IMPORT_PERMISSION
from statements.wagtail_hooks import PermissionMenuItem

from .admin import StallAdmin
from .admin_views import import_for_event, totals_by_event
from .permissions import VIEW_PERMISSION

modeladmin_register(StallAdmin)


@hooks.register("register_admin_urls")
def stall_admin_urls():
    return [
        path("stalls/totals/", totals_by_event, name="stalls_totals"),
        path("stalls/import/", import_for_event, name="stalls_import"),
    ]


@hooks.register("register_admin_menu_item")
def totals_menu_item():
    return PermissionMenuItem(
        "Totals by event", reverse("stalls_totals"), icon_name="table", order=203, permission=VIEW_PERMISSION
    )


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return PermissionMenuItem(
        "Import for an event", reverse("stalls_import"), icon_name="upload", order=204, permission=IMPORT_PERMISSION
    )
