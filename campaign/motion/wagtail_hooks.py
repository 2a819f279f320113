"""Admin for the motion: speaker invitations and motion reports under "Requests", for organisers only."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from core.admin import (
    REQUESTS_MENU_HOOK,
    AnsweredRequestAdmin,
    InRequestsMenu,
    PermissionMenuItem,
    RequestButtonHelper,
    SafeModelAdmin,
)
from core.request_models import STAFF_FIELDS

from .admin_views import CHANGE_PERMISSION, verify_reports
from .models import SPEAKER_REQUEST_FIELDS, MotionReport, SpeakerRequest


class SpeakerRequestAdmin(AnsweredRequestAdmin, InRequestsMenu, SafeModelAdmin):
    model = SpeakerRequest
    menu_icon = "user"
    menu_order = 30
    # core.admin.AnsweredRequestAdmin names the menu item and adds status, who has it, when and the email.
    list_display = ("organisation", "contact_name", "proposed_dates")
    list_filter = ("format",)
    search_fields = ("organisation", "branch", "contact_name", "place", "notes")
    list_export = (*SPEAKER_REQUEST_FIELDS, "speaker", "speaker_date")
    export_filename = "speaker-requests"
    inspect_view_enabled = True
    inspect_view_fields = ("status", "created", *SPEAKER_REQUEST_FIELDS, "speaker", "speaker_date", *STAFF_FIELDS)


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
    list_display = ("body_name", "status", "meeting_date", "region", "verified_at", "verification")
    list_filter = ("status", "region", "verification")
    search_fields = ("body_name", "union_other", "email", "internal_notes")
    list_export = ("created", *REPORT_FIELDS, "reporter_role", "email", "verified_at", "verification")
    export_filename = "motion-reports"
    inspect_view_enabled = True
    inspect_view_fields = (*REPORT_FIELDS, "reporter_role", "email", "email_confirmed_at", "verified_at")
    form_fields_exclude = ("body_key", "followed_up_for", "verified_by", "email_confirmed_at", "verified_at")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("union")

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
