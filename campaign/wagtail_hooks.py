"""Admin for the campaign app: submitted activities, print orders, speaker requests, download counts,
form submissions.

Orders and speaker requests hold people's contact details, so they show only
to users with the model's permissions (the "Campaign organisers" group);
plain editors do not see the menu item and cannot open the screens.
"""

from django.db.models import F
from wagtail import hooks
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from .admin_events import EventSubmissionAdmin
from .models import Material, PrintOrder, SpeakerRequest
from .models.motions import SPEAKER_REQUEST_FIELDS

FORM_SUBMISSIONS_PERMISSION = "campaign.view_form_submissions"


class PrintOrderAdmin(ModelAdmin):
    model = PrintOrder
    menu_label = "Print orders"
    menu_icon = "doc-full-inverse"
    list_display = ("created", "name", "organisation", "items_summary", "needed_by", "status")
    list_filter = ("status", "created", "needed_by")
    search_fields = ("name", "email", "organisation", "address", "notes")
    list_export = (
        "created",
        "status",
        "name",
        "email",
        "organisation",
        "address",
        "items_summary",
        "needed_by",
        "notes",
    )
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
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("lines")


class SpeakerRequestAdmin(ModelAdmin):
    model = SpeakerRequest
    menu_label = "Speaker requests"
    menu_icon = "user"
    list_display = ("created", "organisation", "branch", "contact_name", "proposed_dates", "format", "status")
    list_filter = ("status", "format", "created")
    search_fields = ("organisation", "branch", "contact_name", "email", "place", "notes")
    list_export = ("created", "status", *SPEAKER_REQUEST_FIELDS)
    export_filename = "speaker-requests"
    inspect_view_enabled = True


class ReadOnlyPermissionHelper(PermissionHelper):
    """Materials are edited on their page; this screen only reports how often each is downloaded."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class MaterialDownloadsAdmin(ModelAdmin):
    model = Material
    menu_label = "Downloads"
    menu_icon = "download"
    permission_helper_class = ReadOnlyPermissionHelper
    list_display = ("title", "file_format", "download_count", "page")
    list_filter = ("page",)
    search_fields = ("title",)
    ordering = ("-download_count",)
    list_export = ("title", "file_format", "download_count")
    export_filename = "material-downloads"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("document", "page")


class RequestsGroup(ModelAdminGroup):
    menu_label = "Requests"
    menu_icon = "mail"
    menu_order = 250
    items = (EventSubmissionAdmin, PrintOrderAdmin, SpeakerRequestAdmin, MaterialDownloadsAdmin)


modeladmin_register(RequestsGroup)


@hooks.register("before_serve_document", order=100)  # after Wagtail's own access checks
def count_material_download(document, request):
    """One atomic UPDATE per download, so counts stay exact without locking or slowing the file."""
    if request.method == "GET":
        Material.objects.filter(document=document).update(download_count=F("download_count") + 1)


@hooks.register("filter_form_submissions_for_user")
def only_organisers_see_submissions(user, editable_forms):
    """Form submissions are people's details: editing a form page is not enough to read them."""
    if user.has_perm(FORM_SUBMISSIONS_PERMISSION):
        return editable_forms
    return editable_forms.none()
