"""Admin for the motion: speaker invitations and motion reports under "Requests", for organisers only."""

from django.contrib.admin import display
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from core.admin import (
    REQUESTS_MENU_HOOK,
    AnsweredRequestAdmin,
    InRequestsMenu,
    PermissionMenuItem,
    RequestButtonHelper,
    SafeModelAdmin,
    one_line,
)
from core.request_models import STAFF_FIELDS

from . import pathway_admin  # noqa: F401  the conference pathway: conferences, steps, pledges, notices
from .admin_views import CHANGE_PERMISSION, verify_reports
from .models import SPEAKER_REQUEST_FIELDS, MotionReport, SpeakerRequest


class SpeakerRequestAdmin(AnsweredRequestAdmin, InRequestsMenu, SafeModelAdmin):
    model = SpeakerRequest
    menu_icon = "user"
    menu_order = 30
    # What an organiser arranges a speaker with, the downloads too; core.admin.AnsweredRequestAdmin adds
    # status, who has it and when. Related fields share a column, so the list fits a laptop.
    list_display = (
        "organisation_and_branch", "contact", "email", "proposed_dates", "format_and_place", "audience_size",
        "notes_line", "speaker_and_date",
    )  # fmt: skip
    notes_line = one_line("notes", "notes")
    list_filter = ("format",)
    search_fields = ("organisation", "branch", "contact_name", "place", "notes")
    export_filename = "speaker-requests"
    inspect_view_enabled = True
    inspect_view_fields = ("status", "created", *SPEAKER_REQUEST_FIELDS, "speaker", "speaker_date", *STAFF_FIELDS)

    @display(description="organisation", ordering="organisation")
    def organisation_and_branch(self, obj):
        return ", ".join(part for part in (obj.organisation, obj.branch) if part)

    @display(description="contact", ordering="contact_name")
    def contact(self, obj):
        return ", ".join(part for part in (obj.contact_name, obj.phone) if part)

    @display(description="in person or online", ordering="format")
    def format_and_place(self, obj):
        return ": ".join(part for part in (obj.get_format_display(), obj.place) if part)

    @display(description="speaker", ordering="speaker_date")
    def speaker_and_date(self, obj):
        on_date = date_format(obj.speaker_date, "j M Y") if obj.speaker_date else ""
        return ", ".join(part for part in (obj.speaker, on_date) if part)


REPORT_FIELDS = ("body_name", "body_type", "union", "union_other", "region", "status", "meeting_date")


class ReportButtonHelper(RequestButtonHelper):
    """A report waiting for an organiser leads with "Verify": the verify screen, with this report ticked."""

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if obj.is_waiting_for_verification and self.request.user.has_perm(CHANGE_PERMISSION):
            buttons.insert(
                0,
                {
                    "url": f"{reverse('motion_verify_reports')}?report={obj.pk}",
                    "label": "Verify",
                    "classname": self.finalise_classname(classnames_add),
                    "title": f"Verify the report from “{obj.body_name}”",
                },
            )
        return buttons


class MotionReportAdmin(InRequestsMenu, SafeModelAdmin):
    """Every report, to search and correct; verifying several at once is the "Verify motion reports" screen."""

    model = MotionReport
    button_helper_class = ReportButtonHelper
    menu_label = "Motion reports"
    menu_icon = "doc-full"
    menu_order = 35
    # The list and its downloads: the same columns (core.admin).
    list_display = (
        "body", "union_name", "region", "status", "meeting_date", "reporter_role", "email", "verified", "created",
    )  # fmt: skip
    list_filter = ("status", "region", "verification")
    search_fields = ("body_name", "union_other", "email", "internal_notes")
    export_filename = "motion-reports"
    inspect_view_enabled = True
    inspect_view_fields = (*REPORT_FIELDS, "reporter_role", "email", "email_confirmed_at", "verified_at")
    form_fields_exclude = ("body_key", "followed_up_for", "verified_by", "email_confirmed_at", "verified_at")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("union")

    @display(description="body", ordering="body_name")
    def body(self, obj):
        return f"{obj.body_name} ({obj.get_body_type_display().lower()})"

    @display(description="union", ordering="union__name")
    def union_name(self, obj):
        return obj.union.name if obj.union else obj.union_other

    @display(description="verified", ordering="verified_at")
    def verified(self, obj):
        if not obj.verified_at:
            return ""
        how = f": {obj.get_verification_display().lower()}" if obj.verification else ""
        return date_format(localtime(obj.verified_at), "j M Y") + how

    def new_items(self, request):
        """The badge counts what waits for an organiser: confirmed reports not yet verified."""
        return MotionReport.objects.waiting_for_verification()


modeladmin_register(SpeakerRequestAdmin)
modeladmin_register(MotionReportAdmin)


@hooks.register(REQUESTS_MENU_HOOK)
def verify_menu_item():
    return PermissionMenuItem(
        "Verify motion reports",
        reverse("motion_verify_reports"),
        icon_name="tick",
        order=36,
        permission=CHANGE_PERMISSION,
    )


@hooks.register("register_admin_urls")
def verify_urls():
    return [path("motion/reports/verify/", verify_reports, name="motion_verify_reports")]
