"""Admin for the motion: speaker invitations under "Requests", for organisers only."""

from wagtail_modeladmin.options import modeladmin_register

from core.admin import InRequestsMenu, SafeModelAdmin

from .models import SPEAKER_REQUEST_FIELDS, SpeakerRequest


class SpeakerRequestAdmin(InRequestsMenu, SafeModelAdmin):
    model = SpeakerRequest
    menu_label = "Speaker requests"
    menu_icon = "user"
    menu_order = 30
    list_display = ("created", "organisation", "branch", "contact_name", "proposed_dates", "format", "status")
    list_filter = ("status", "format", "created")
    search_fields = ("organisation", "branch", "contact_name", "email", "place", "notes")
    list_export = ("created", "status", *SPEAKER_REQUEST_FIELDS)
    export_filename = "speaker-requests"
    inspect_view_enabled = True


modeladmin_register(SpeakerRequestAdmin)
