"""Admin for the conference pathway: conferences and affiliated bodies as snippets editors keep; steps and
pledges under "Requests" with screens to verify them; a notice to pledged delegates in conference week; the
list of places with signers but no motion report.

Imported by one line of wagtail_hooks.py, so the motion's admin stays in two small modules.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.options import modeladmin_register

from core.admin import REQUESTS_MENU_HOOK, InRequestsMenu, PermissionMenuItem, RequestButtonHelper, SafeModelAdmin
from core.regions import Region

from . import checking, notices, targets
from .models.checked import Verification
from .models.conferences import AffiliatedBody, Conference
from .models.pathway import PathwayStep
from .models.pledges import DelegatePledge

STEP_PERMISSION = "motion.change_pathwaystep"
PLEDGE_PERMISSION = "motion.change_delegatepledge"
NOTICE_PERMISSION = "motion.add_conferencenotice"


class ConferenceViewSet(SnippetViewSet):
    model = Conference
    icon = "date"
    menu_label = "Conferences"
    list_display = ["name", "starts_on", "motions_deadline", "amendments_deadline"]
    search_fields = ["name"]


class AffiliatedBodyViewSet(SnippetViewSet):
    model = AffiliatedBody
    icon = "group"
    menu_label = "Affiliated bodies"
    list_display = ["name", "affiliated_membership", "source", "as_of"]
    search_fields = ["name"]


register_snippet(ConferenceViewSet)
register_snippet(AffiliatedBodyViewSet)


# kind in the address: (model, permission, what the screen lists, its title)
VERIFYING = {
    "steps": (PathwayStep, STEP_PERMISSION, ("report", "conference"), "Verify conference steps"),
    "pledges": (DelegatePledge, PLEDGE_PERMISSION, ("body", "conference"), "Verify delegates’ pledges"),
}


class VerifyButtonHelper(RequestButtonHelper):
    """A step or pledge waiting for an organiser leads with "Verify": its screen, with this one ticked."""

    kind = None

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if obj.is_waiting_for_verification and self.request.user.has_perm(VERIFYING[self.kind][1]):
            url = reverse("motion_verify_pathway", args=[self.kind])
            buttons.insert(0, {"url": f"{url}?record={obj.pk}", "label": "Verify", "classname": "", "title": "Verify"})
        return buttons


class StepButtonHelper(VerifyButtonHelper):
    kind = "steps"


class PledgeButtonHelper(VerifyButtonHelper):
    kind = "pledges"


class PathwayStepAdmin(InRequestsMenu, SafeModelAdmin):
    model = PathwayStep
    button_helper_class = StepButtonHelper
    menu_label = "Conference steps"
    menu_icon = "list-ol"
    menu_order = 37
    list_display = ("report", "conference", "stage", "happened_on", "verified_at")
    list_filter = ("stage", "conference")
    search_fields = ("report__body_name", "submitted_by", "composited_with", "email")
    form_fields_exclude = ("email_confirmed_at", "verified_at", "verified_by")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("report", "conference")

    def new_items(self, request):
        return PathwayStep.objects.waiting_for_verification()


class DelegatePledgeAdmin(InRequestsMenu, SafeModelAdmin):
    model = DelegatePledge
    button_helper_class = PledgeButtonHelper
    menu_label = "Delegates’ pledges"
    menu_icon = "user"
    menu_order = 38
    list_display = ("delegate_name", "body", "conference", "notices", "verified_at")
    list_filter = ("conference", "notices")
    search_fields = ("delegate_name", "email")
    form_fields_exclude = ("email_confirmed_at", "verified_at", "verified_by", "notices_stopped_at")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("body", "conference")

    def new_items(self, request):
        return DelegatePledge.objects.waiting_for_verification()


modeladmin_register(PathwayStepAdmin)
modeladmin_register(DelegatePledgeAdmin)


class VerifyForm(forms.Form):
    records = forms.ModelMultipleChoiceField(
        queryset=PathwayStep.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Tick at least one to verify."},
    )
    verification = forms.ChoiceField(
        label="How you checked them",
        choices=Verification.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say how you checked them: by phone, or a second officer confirmed."},
    )

    def __init__(self, *args, waiting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["records"].queryset = waiting


def verify_pathway(request, kind):
    """Confirmed steps or pledges waiting for an organiser, ticked and verified at once (only on POST)."""
    if kind not in VERIFYING:
        raise PermissionDenied
    model, permission, related, title = VERIFYING[kind]
    if not request.user.has_perm(permission):
        raise PermissionDenied
    waiting = model.objects.waiting_for_verification().select_related(*related).order_by("created")
    form = VerifyForm(request.POST if request.method == "POST" else None, waiting=waiting)
    if request.method == "POST" and form.is_valid():
        ids = [record.pk for record in form.cleaned_data["records"]]
        done, left = checking.verify(model.objects.filter(pk__in=ids), request.user, form.cleaned_data["verification"])
        messages.success(request, f"{done} verified: now public.")
        if left:
            messages.warning(
                request,
                f"{left} left waiting: a step is verified only once its submission is, and only once per stage.",
            )
        return redirect("motion_verify_pathway", kind)
    ticked = set(request.POST.getlist("records") if request.method == "POST" else request.GET.getlist("record"))
    context = {"form": form, "records": list(waiting), "ticked": ticked, "title": title, "kind": kind}
    return TemplateResponse(request, "motion/admin/verify_pathway.html", context)


class NoticeForm(forms.Form):
    conference = forms.ModelChoiceField(queryset=Conference.objects.none(), empty_label="Choose…")
    message = forms.CharField(
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Short and to the point, for example: Composite 4 is taken at 2.30 pm today.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        week = Conference.objects.filter(starts_on__lte=today + notices.WEEK_BEFORE, ends_on__gte=today)
        self.fields["conference"].queryset = week


def send_notice(request):
    """A notice to the verified delegates of a conference in its week who agreed to them; counted, then confirmed."""
    if not request.user.has_perm(NOTICE_PERMISSION):
        raise PermissionDenied
    form = NoticeForm(request.POST if request.method == "POST" else None)
    count = None
    if request.method == "POST" and form.is_valid():
        conference = form.cleaned_data["conference"]
        count = notices.recipients(conference).count()
        if request.POST.get("confirmed") == str(count):
            notice = notices.send_notice(conference, form.cleaned_data["message"], request.user)
            messages.success(
                request, f"Notice sent to {notice.recipients} delegate{'s' if notice.recipients != 1 else ''}."
            )
            return redirect("motion_send_notice")
    context = {"form": form, "count": count, "title": "Notice to pledged delegates"}
    return TemplateResponse(request, "motion/admin/send_notice.html", context)


TARGETS_PERMISSION = "motion.view_motionreport"


def target_list(request):
    """Constituencies, nations, regions and unions with signers but no motion report: where to take the motion
    next; the constituencies of one region (`?region=`) if chosen."""
    if not request.user.has_perm(TARGETS_PERMISSION):
        raise PermissionDenied
    show_all = request.GET.get("all") == "1"
    region = request.GET.get("region", "")
    if region not in Region.values:
        region = ""
    context = {
        "title": "Where to take the motion",
        "show_all": show_all,
        "region": region,
        "region_choices": Region.choices,
        "constituencies": targets.constituencies(not show_all, region),
        **targets.targets(not show_all),
    }
    return TemplateResponse(request, "motion/admin/targets.html", context)


@hooks.register(REQUESTS_MENU_HOOK)
def targets_menu_item():
    url = reverse("motion_targets")
    name = "Where to take the motion"
    return PermissionMenuItem(name, url, icon_name="site", order=42, permission=TARGETS_PERMISSION)


@hooks.register(REQUESTS_MENU_HOOK)
def verify_steps_menu_item():
    url = reverse("motion_verify_pathway", args=["steps"])
    return PermissionMenuItem("Verify conference steps", url, icon_name="tick", order=39, permission=STEP_PERMISSION)


@hooks.register(REQUESTS_MENU_HOOK)
def verify_pledges_menu_item():
    url = reverse("motion_verify_pathway", args=["pledges"])
    return PermissionMenuItem(
        "Verify delegates’ pledges", url, icon_name="tick", order=40, permission=PLEDGE_PERMISSION
    )


@hooks.register(REQUESTS_MENU_HOOK)
def notice_menu_item():
    url = reverse("motion_send_notice")
    return PermissionMenuItem("Notice to delegates", url, icon_name="mail", order=41, permission=NOTICE_PERMISSION)


@hooks.register("register_admin_urls")
def pathway_urls():
    return [
        path("motion/pathway/verify/<slug:kind>/", verify_pathway, name="motion_verify_pathway"),
        path("motion/pathway/notice/", send_notice, name="motion_send_notice"),
        path("motion/targets/", target_list, name="motion_targets"),
    ]
