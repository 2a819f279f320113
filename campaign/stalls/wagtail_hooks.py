"""Admin registration for stalls: one "Stalls" menu for the sessions, the totals by event and the import for an event.

One entry, not three beside Signatures, so the admin menu stays short for a
busy organiser; each item shows only to those who may use it.
"""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail_modeladmin.options import modeladmin_register

from core.admin import PermissionMenuItem
from statements.permissions import IMPORT_PERMISSION

from .admin import StallAdmin
from .admin_views import import_for_event, totals_by_event
from .permissions import VIEW_PERMISSION

STALLS_MENU_HOOK = "register_stalls_menu_item"

stalls_menu = Menu(register_hook_name=STALLS_MENU_HOOK)


class StallAdminInMenu(StallAdmin):
    add_to_admin_menu = False
    menu_label = "Stall sessions"

    def register_with_wagtail(self):
        super().register_with_wagtail()
        hooks.register(STALLS_MENU_HOOK, self.get_menu_item)


modeladmin_register(StallAdminInMenu)


@hooks.register("register_admin_urls")
def stall_admin_urls():
    return [
        path("stalls/totals/", totals_by_event, name="stalls_totals"),
        path("stalls/import/", import_for_event, name="stalls_import"),
    ]


@hooks.register("register_admin_menu_item")
def stalls_menu_item():
    return SubmenuMenuItem("Stalls", stalls_menu, icon_name="site", order=202)


@hooks.register(STALLS_MENU_HOOK)
def totals_menu_item():
    return PermissionMenuItem(
        "Totals by event", reverse("stalls_totals"), icon_name="table", order=10, permission=VIEW_PERMISSION
    )


@hooks.register(STALLS_MENU_HOOK)
def import_menu_item():
    return PermissionMenuItem(
        "Import for an event", reverse("stalls_import"), icon_name="upload", order=20, permission=IMPORT_PERMISSION
    )
