"""Admin pieces every app's wagtail_hooks.py uses: the "Requests" menu and read-only lists.

"Requests" gathers what supporters send in (submitted activities, print
orders, speaker invitations ...) from whichever apps are installed: each
app's ModelAdmin joins it with `RequestsMenuItem`, through a Wagtail hook,
so this module never names the apps.
"""

from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail_modeladmin.helpers import PermissionHelper

REQUESTS_MENU_HOOK = "register_requests_menu_item"

requests_menu = Menu(register_hook_name=REQUESTS_MENU_HOOK)


def requests_menu_item():
    """The "Requests" entry of the admin menu; shown only to users who may open one of its lists."""
    return SubmenuMenuItem("Requests", requests_menu, icon_name="mail", order=250)


class InRequestsMenu:
    """A ModelAdmin mixin: list this model under "Requests" instead of at the top of the admin menu."""

    add_to_admin_menu = False

    def register_with_wagtail(self):
        super().register_with_wagtail()
        hooks.register(REQUESTS_MENU_HOOK, self.get_menu_item)


class ReadOnlyPermissionHelper(PermissionHelper):
    """A record of what happened (emails sent, downloads counted): it can be read, never made or edited.

    Deleting is allowed where `deletable` is set (old email task rows), and
    then only with the model's own delete permission.
    """

    deletable = False

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return self.deletable and super().user_can_delete_obj(user, obj)
