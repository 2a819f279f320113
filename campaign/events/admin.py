"""Admin for submitted activities (a modeladmin list with accept and reject actions) and the "Events" menu.

Accepting makes a draft EventPage under the events list, filled in from the
submission, and opens it in the page editor for a last look before publishing.
Rejecting records a reason and can email it to the submitter. Both change
state only on POST and only for users who may change submissions.

"Events" in the admin menu holds the events' pages and the RSVPs list; an
event's edit screen has a button to its own RSVPs.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.urls import re_path, reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.widgets import Button
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.views import InstanceSpecificView

from core.admin import (
    AnsweredRequestAdmin,
    InRequestsMenu,
    ReadableInspectView,
    RequestButtonHelper,
    SafeModelAdmin,
)
from core.emails import queue_email, site_id

from .models import EventDetails, EventIndexPage, EventPage, EventSubmission
from .models.submissions import SUBMITTED_FIELDS
from .rsvp_admin import RsvpAdmin

# Accepting copies the title and everything an event and a submission share.
COPIED_FIELDS = ["title", *(field.name for field in EventDetails._meta.fields)]


def rich_text_from(text):
    """Plain text as Wagtail rich text: escaped, a paragraph per blank-line block, <br/> within one."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]
    return "".join("<p>" + "<br/>".join(escape(line) for line in block.split("\n")) + "</p>" for block in blocks)


def draft_event_from(submission, index_page, user):
    """Create (not publish) an EventPage under `index_page` from a submission."""
    page = EventPage(**{name: getattr(submission, name) for name in COPIED_FIELDS}, live=False)
    page.description = rich_text_from(submission.description)
    page.owner = user
    if not slugify(submission.title, allow_unicode=True):
        page.slug = f"event-{submission.pk}"  # a title of only symbols gives Wagtail nothing to slug
    index_page.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page


class SubmissionPermissionHelper(PermissionHelper):
    """Submissions come from the public form only; editors work through them, they don't invent them."""

    def user_can_create(self, user):
        return False


class SubmissionButtonHelper(RequestButtonHelper):
    """Accept leads and looks primary; Reject and Edit are secondary; Delete (superusers only) looks serious."""

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if obj.status == EventSubmission.Status.NEW and self.permission_helper.user_can_edit_obj(
            self.request.user, obj
        ):
            for action, label, classnames in [("reject", "Reject", ["button-secondary"]), ("accept", "Accept", [])]:
                buttons.insert(
                    0,
                    {
                        "url": self.url_helper.get_action_url(action, obj.pk),
                        "label": label,
                        "classname": self.finalise_classname([*classnames, *(classnames_add or [])]),
                        "title": f"{label} “{obj.title}”",
                    },
                )
        if obj.event_page_id:
            buttons.append(
                {
                    "url": reverse("wagtailadmin_pages:edit", args=[obj.event_page_id]),
                    "label": "Edit the event page",
                    "classname": self.finalise_classname(["button-secondary"]),
                    "title": "Open the event page made from this submission",
                }
            )
        return buttons


class DecisionView(InstanceSpecificView):
    """Shared by accept and reject: only for users who may change submissions, only while new."""

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_edit_obj(user, self.instance)

    def dispatch(self, request, *args, **kwargs):
        if self.instance.status != EventSubmission.Status.NEW and request.method == "POST":
            messages.warning(request, f"“{self.instance}” was already {self.instance.get_status_display().lower()}.")
            return redirect(self.index_url)
        return super().dispatch(request, *args, **kwargs)


class AcceptView(DecisionView):
    page_title = "Accept"
    template_name = "events/admin/event_submission_accept.html"

    def post(self, request, *args, **kwargs):
        index_page = EventIndexPage.objects.first()
        if index_page is None:
            messages.error(request, "There is no events list page to put the event under. Create one first.")
            return redirect(self.index_url)
        if not index_page.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        with transaction.atomic():
            submission = EventSubmission.objects.select_for_update().get(pk=self.instance.pk)
            if submission.status != EventSubmission.Status.NEW:
                return redirect(self.index_url)
            page = draft_event_from(submission, index_page, request.user)
            submission.status = EventSubmission.Status.ACCEPTED
            submission.decided_at = timezone.now()
            submission.event_page = page
            submission.save(update_fields=["status", "decided_at", "event_page", "updated"])
        messages.success(request, f"Draft event “{page.title}” created. Check it, then publish it.")
        return redirect("wagtailadmin_pages:edit", page.pk)


class RejectForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=2000,
        help_text="Recorded here; sent to the submitter if you tick the box below.",
    )
    send_email = forms.BooleanField(required=False, initial=True, label="Email the reason to the submitter")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("send_email") and not cleaned.get("reason", "").strip():
            self.add_error("reason", "Write a reason to send, or untick the email box.")
        return cleaned


class RejectView(DecisionView):
    page_title = "Reject"
    template_name = "events/admin/event_submission_reject.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", RejectForm())
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = RejectForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        submission = self.instance
        with transaction.atomic():
            submission.status = EventSubmission.Status.REJECTED
            submission.decided_at = timezone.now()
            submission.rejection_reason = form.cleaned_data["reason"].strip()
            submission.save(update_fields=["status", "decided_at", "rejection_reason", "updated"])
            if form.cleaned_data["send_email"]:
                queue_email("events/event_submission_rejected", submission, site=site_id(request))
        messages.success(request, f"“{submission.title}” rejected.")
        return redirect(self.index_url)


class SubmissionInspectView(ReadableInspectView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_decide"] = self.instance.status == EventSubmission.Status.NEW and (
            self.permission_helper.user_can_edit_obj(self.request.user, self.instance)
        )
        context["accept_url"] = self.url_helper.get_action_url("accept", self.instance.pk)
        context["reject_url"] = self.url_helper.get_action_url("reject", self.instance.pk)
        return context


class EventSubmissionAdmin(AnsweredRequestAdmin, InRequestsMenu, SafeModelAdmin):
    model = EventSubmission
    menu_icon = "date"
    menu_order = 10
    # Who to answer and what about; core.admin.AnsweredRequestAdmin adds status, who has it and when. The
    # downloads hold the same columns; the whole submission is on its own screen.
    list_display = ["title", "kind", "start", "town", "organiser_name", "email"]
    list_filter = ["kind"]
    search_fields = ["title", "town", "venue_name", "organiser_name"]
    export_filename = "submitted-activities"
    inspect_view_enabled = True
    inspect_view_fields = [
        *SUBMITTED_FIELDS,
        "status",
        "created",
        "assigned_to",
        "internal_notes",
        "rejection_reason",
        "last_message",
    ]
    inspect_view_class = SubmissionInspectView
    inspect_template_name = "events/admin/event_submission_inspect.html"
    permission_helper_class = SubmissionPermissionHelper
    button_helper_class = SubmissionButtonHelper
    # The staff's own fields first, as on the other requests; then what was submitted, in the public form's
    # order (the name of the activity first), which an organiser may tidy before accepting.
    panels = [
        FieldPanel("assigned_to"),
        FieldPanel("internal_notes"),
        MultiFieldPanel([FieldPanel(name) for name in SUBMITTED_FIELDS], heading="What was submitted"),
        FieldPanel("rejection_reason"),
    ]

    def action_view(self, view_class):
        def view(request, instance_pk):
            return view_class.as_view(model_admin=self, instance_pk=instance_pk)(request)

        return view

    def get_admin_urls_for_registration(self):
        urls = super().get_admin_urls_for_registration()
        for action, view_class in [("accept", AcceptView), ("reject", RejectView)]:
            urls += (
                re_path(
                    self.url_helper.get_action_url_pattern(action),
                    self.action_view(view_class),
                    name=self.url_helper.get_action_url_name(action),
                ),
            )
        return urls


EVENTS_MENU_HOOK = "register_events_menu_item"
events_menu = Menu(register_hook_name=EVENTS_MENU_HOOK, construct_hook_name="construct_events_menu")


class EventsMenuItem(SubmenuMenuItem):
    """ "Events" in the admin menu: the events' pages and who is coming to them."""

    def __init__(self):
        super().__init__("Events", events_menu, name="events", icon_name="date", order=150)


class EventPagesMenuItem(MenuItem):
    """The events list page in the page explorer, for users who may edit an event."""

    def __init__(self):
        super().__init__("Event pages", "", name="event-pages", icon_name="folder-open-inverse", order=10)

    def is_shown(self, request):
        index = EventIndexPage.objects.first()
        return index is not None and index.permissions_for_user(request.user).can_edit()

    def render_component(self, request):
        index_id = EventIndexPage.objects.values_list("pk", flat=True)[0]
        return LinkMenuItem(self.name, self.label, reverse("wagtailadmin_explore", args=[index_id]), self.icon_name)


class RsvpsUnderEvents(RsvpAdmin):
    """The RSVPs list, under "Events" rather than "Requests": people coming, not requests to answer.

    It shows, and its downloads hold (core.admin), the contact details an organiser calls people on.
    """

    menu_order = 20
    list_display = ["person", "email", "phone", "event", "status", "created_at", "attended"]

    def register_with_wagtail(self):
        super(InRequestsMenu, self).register_with_wagtail()  # the list's URLs and permissions; not the Requests menu
        hooks.register(EVENTS_MENU_HOOK, self.get_menu_item)


def rsvp_list_url(event_id):
    return f"{reverse('events_rsvp_modeladmin_index')}?event__page_ptr__exact={event_id}"


def rsvps_button(page, user, view_name, next_url=None):
    """A register_page_header_buttons hook: an event's edit screen leads to its RSVPs, for users who may see them."""
    if page.specific_class is EventPage and user.has_perm("events.view_rsvp"):
        # A translation's RSVPs are the original's (EventPage.counted_page): one list in every language.
        original = page.specific.counted_page
        yield Button("RSVPs for this event", rsvp_list_url(original.pk), icon_name="group", priority=10)
