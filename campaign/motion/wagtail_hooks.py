"""Admin for the motion: speaker invitations under "Requests", for organisers only."""

from wagtail_modeladmin.options import modeladmin_register

from core.admin import AnsweredRequestAdmin, DefaultNewFilter, InRequestsMenu, SafeModelAdmin
from core.request_forms import StatusEmailForm

from .models import SPEAKER_REQUEST_FIELDS, SpeakerRequest


class SpeakerRequestAdmin(AnsweredRequestAdmin, InRequestsMenu, SafeModelAdmin):
    model = SpeakerRequest
    menu_label = "Speaker requests"
    menu_icon = "user"
    menu_order = 30
    edit_form_class = StatusEmailForm
    list_display = ("organisation", "contact_name", "proposed_dates", "status", "assigned_to", "created")
    list_filter = (DefaultNewFilter, "format", "created")
    search_fields = ("organisation", "branch", "contact_name", "email", "place", "notes", "internal_notes")
    list_export = ("created", "status", *SPEAKER_REQUEST_FIELDS, "speaker", "speaker_date", "internal_notes")
    export_filename = "speaker-requests"
    inspect_view_enabled = True
    inspect_view_fields = (
        "status",
        "created",
        *SPEAKER_REQUEST_FIELDS,
        "speaker",
        "speaker_date",
        "assigned_to",
        "internal_notes",
        "last_message",
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("assigned_to")


modeladmin_register(SpeakerRequestAdmin)
