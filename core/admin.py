"""Admin pieces every app's wagtail_hooks.py uses: safe lists, the "Requests" menu and read-only lists.

Every ModelAdmin of the project derives from `SafeModelAdmin`, whose list
takes only the query parameters it declares and whose downloads defuse
spreadsheet formulas (see `StrictIndexView`).

"Requests" gathers what supporters send in (submitted activities, print
orders, speaker invitations ...) from whichever apps are installed: each
app's ModelAdmin joins it with `InRequestsMenu`, through a Wagtail hook,
so this module never names the apps.
"""

from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import BadRequest
from django.http import HttpResponseBadRequest
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView

from .exports import SafeSpreadsheetExport

REQUESTS_MENU_HOOK = "register_requests_menu_item"

requests_menu = Menu(register_hook_name=REQUESTS_MENU_HOOK)


class StrictIndexView(SafeSpreadsheetExport, IndexView):
    """A modeladmin list that takes only the parameters it declares; anything else is a 400.

    wagtail-modeladmin, like Django's admin, turns every query parameter it
    does not know into a queryset filter, so `?email__regex=^a` or
    `?page__owner__password__regex=` answer yes or no about columns the user
    may not see. Here the list filters (`list_filter`, with custom and date
    filters) each claim their own parameters; besides those only search
    (`q`), ordering (`o`), the page (`p`) and a download in a format the list
    offers (`export`) are accepted.
    """

    IGNORED_PARAMS = (IndexView.ORDER_VAR, IndexView.SEARCH_VAR, IndexView.EXPORT_VAR)

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except BadRequest as refusal:
            return HttpResponseBadRequest(str(refusal), content_type="text/plain; charset=utf-8")

    def get_filters(self, request):
        """The declared filters; a parameter none of them claims is refused, never applied."""
        try:
            filter_specs, has_filters, unclaimed, use_distinct = super().get_filters(request)
        except IncorrectLookupParameters as error:  # an unclaimed parameter naming no field
            raise BadRequest("This list cannot be filtered that way.") from error
        if unclaimed:
            raise BadRequest(f"This list cannot be filtered by {', '.join(sorted(unclaimed))}.")
        return filter_specs, has_filters, unclaimed, use_distinct

    def get_queryset(self, request=None):
        if self.export is not None and self.export not in self.FORMATS:
            raise BadRequest("This list offers no download in that format.")
        try:
            return super().get_queryset(request)
        except IncorrectLookupParameters as error:  # a declared filter given a value it cannot take
            raise BadRequest("A filter of this list was given a value it cannot take.") from error

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if not self.list_export:
            raise BadRequest("This list offers no download.")
        return super().as_spreadsheet(queryset, spreadsheet_format)


class SafeModelAdmin(ModelAdmin):
    """The base of every ModelAdmin in the project: its list is a `StrictIndexView` (or a subclass)."""

    index_view_class = StrictIndexView


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
