"""Admin for materials: print orders and download counts under "Requests", and counting downloads.

Orders hold people's contact details, so they show only to users with the
model's permissions (the "Campaign organisers" group); plain editors do not
see the menu item and cannot open the screens.
"""

from django.db.models import F
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from core.admin import (
    AnsweredRequestAdmin,
    InRequestsMenu,
    ReadOnlyPermissionHelper,
    SafeModelAdmin,
    one_line,
)
from core.request_models import STAFF_FIELDS

from .models import Material, PrintOrder


class PrintOrderAdmin(AnsweredRequestAdmin, InRequestsMenu, SafeModelAdmin):
    model = PrintOrder
    menu_icon = "doc-full-inverse"
    menu_order = 20
    # What an organiser posts an order with; core.admin.AnsweredRequestAdmin adds status, who has it and when.
    # The downloads hold the same columns, the address and notes whole.
    list_display = ("name", "email", "organisation", "address_line", "items_summary", "needed_by", "notes_line")
    address_line = one_line("address", "delivery address")
    notes_line = one_line("notes", "notes")
    list_filter = ("needed_by",)
    search_fields = ("name", "organisation", "address", "notes")
    export_filename = "print-orders"
    inspect_view_enabled = True
    inspect_view_fields = (
        "status",
        "created",
        "name",
        "email",
        "organisation",
        "address",
        "items",
        "needed_by",
        "notes",
        *STAFF_FIELDS,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("lines")


class MaterialDownloadsAdmin(InRequestsMenu, SafeModelAdmin):
    """Materials are edited on their page; this screen only reports how often each is downloaded."""

    model = Material
    menu_label = "Downloads"
    menu_icon = "download"
    menu_order = 40
    menu_badge = False  # a report, not a list to work through
    permission_helper_class = ReadOnlyPermissionHelper
    list_display = ("title", "file_format", "download_count", "page")
    list_filter = ("page",)
    search_fields = ("title",)
    ordering = ("-download_count",)
    export_filename = "material-downloads"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("document", "page")


modeladmin_register(PrintOrderAdmin)
modeladmin_register(MaterialDownloadsAdmin)


@hooks.register("before_serve_document", order=100)  # after Wagtail's own access checks
def count_material_download(document, request):
    """One atomic UPDATE per download, so counts stay exact without locking or slowing the file."""
    if request.method == "GET":
        Material.objects.filter(document=document).update(download_count=F("download_count") + 1)
