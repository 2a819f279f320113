"""Stall sessions in the admin: open one for an event, read its link and code, see its devices, revoke it.

A session is never edited or deleted: revoking is how it stops, and its entries keep the event's totals.
A leaked code is replaced with a new one while devices already open carry on.
"""

import segno
from django import forms
from django.contrib import messages
from django.contrib.admin import display
from django.shortcuts import redirect
from django.urls import re_path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from wagtail.admin.panels import FieldPanel
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.views import CreateView, InspectView, InstanceSpecificView

from core.admin import SafeModelAdmin
from core.site_urls import site_url

from .forms import RevokeForm
from .models import Stall
from .permissions import CHANGE_PERMISSION
from .views import opening_url


class StallPermissionHelper(PermissionHelper):
    """Opened and revoked, never edited or deleted (its entries are the event's record)."""

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


def event_label(event):
    """An event in the list to open a stall for: its name and date, or how it repeats (the weekly stall)."""
    first = date_format(timezone.localtime(event.start), "j M Y")
    if not event.repeats:
        return f"{event.title}, {first}"
    summary = event.repeat_summary
    return f"{event.title}, {summary[0].lower()}{summary[1:]} from {first}"


class OpenStallView(CreateView):
    """The create screen: events that have not ended, the only statement chosen for you; then the link."""

    def get_form(self):
        form = super().get_form()
        events = form.fields["event"].queryset
        form.fields["event"].queryset = events.filter(series_end__gte=timezone.now()).order_by("start")
        form.fields["event"].label_from_instance = event_label
        statements = form.fields["statement"].queryset
        if not form.is_bound and len(only := statements[:2]) == 1:
            form.initial["statement"] = only[0].pk
        return form

    def form_valid(self, form):
        form.instance.created_by = self.request.user
        return super().form_valid(form)

    def get_success_message(self, instance):
        return f"Stall session opened for “{instance.event.title}”. Open its link on the stall's device."

    def get_success_url(self):
        return self.url_helper.get_action_url("inspect", self.instance.pk)


class StallInspectView(InspectView):
    """The session's link, code and QR code (for the device's camera), its total, and the revoke form."""

    def get_context_data(self, **kwargs):
        stall = self.instance
        link = site_url(self.request, opening_url(stall))
        qr = segno.make(link, error="m", micro=False).svg_inline(scale=5, title="QR code of the stall link")
        return super().get_context_data(
            link=link,
            qr=mark_safe(qr),  # segno escapes the text it writes
            total=stall.signed_count(),
            revoke_form=kwargs.pop("revoke_form", RevokeForm()),
            revoke_url=self.url_helper.get_action_url("revoke", stall.pk),
            rotate_url=self.url_helper.get_action_url("rotate", stall.pk),
            shut_out_url=self.url_helper.get_action_url("shut_out", stall.pk),
            devices=stall.devices.all(),
            can_revoke=not stall.is_revoked and self.request.user.has_perm(CHANGE_PERMISSION),
            **kwargs,
        )


class RevokeView(InstanceSpecificView):
    """POST only: switch the session off; its device then signs nothing and says why."""

    def check_action_permitted(self, user):
        return user.has_perm(CHANGE_PERMISSION)

    def post(self, request, *args, **kwargs):
        form = RevokeForm(request.POST)
        stall = self.instance
        if form.is_valid() and not stall.is_revoked:
            Stall.objects.filter(pk=stall.pk, revoked_at__isnull=True).update(
                revoked_at=timezone.now(), revoked_reason=form.cleaned_data["reason"].strip()
            )
            messages.success(request, f"Stall session “{stall}” revoked: its link signs nothing now.")
        return redirect(self.url_helper.get_action_url("inspect", stall.pk))

    def get(self, request, *args, **kwargs):
        return redirect(self.url_helper.get_action_url("inspect", self.instance.pk))


class RotateView(InstanceSpecificView):
    """POST only: a new link and code; the old ones open nothing, devices already open carry on."""

    def check_action_permitted(self, user):
        return user.has_perm(CHANGE_PERMISSION)

    def post(self, request, *args, **kwargs):
        if not self.instance.is_revoked:
            self.instance.rotate()
            messages.success(request, "New link and code made: the old ones open nothing now.")
        return redirect(self.url_helper.get_action_url("inspect", self.instance.pk))

    def get(self, request, *args, **kwargs):
        return redirect(self.url_helper.get_action_url("inspect", self.instance.pk))


class ShutOutView(RotateView):
    """POST only: take one device off the stall; it signs nothing more, and its place is free again."""

    def post(self, request, *args, **kwargs):
        device_id = request.POST.get("device", "")
        found = self.instance.devices.filter(pk=int(device_id)) if device_id.isdigit() and len(device_id) < 19 else []
        device = next(iter(found), None)
        if device is not None and not device.is_shut_out:
            type(device).objects.filter(pk=device.pk).update(shut_out_at=timezone.now())
            messages.success(request, f"{device} was taken off the stall: it signs nothing more.")
        return redirect(self.url_helper.get_action_url("inspect", self.instance.pk))


class StallAdmin(SafeModelAdmin):
    model = Stall
    menu_label = "Stalls"
    menu_icon = "site"
    menu_order = 0
    permission_helper_class = StallPermissionHelper
    create_view_class = OpenStallView
    inspect_view_enabled = True
    inspect_view_class = StallInspectView
    inspect_template_name = "stalls/admin/inspect.html"
    list_display = ["event", "code_shown", "state", "closes", "signed_here"]
    list_filter = ["event"]
    list_select_related = ["event", "statement"]  # its state reads the statement's closing time
    ordering = ["-created_at"]
    # Plain lists, not the page chooser: organisers need no page permissions to pick an event.
    panels = [
        FieldPanel("event", widget=forms.Select),
        FieldPanel("statement", widget=forms.Select),
        FieldPanel("devices_allowed"),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_totals()

    @display(description="Code")
    def code_shown(self, obj):
        return obj.display_code

    @display(description="State")
    def state(self, obj):
        if obj.is_revoked:
            return "Revoked"
        if obj.is_open():
            return "Open"
        return "Open on its dates" if obj.takes_devices() else "Closed"

    @display(description="Open until")
    def closes(self, obj):
        return date_format(timezone.localtime(obj.closes_at), "j M Y, H:i")

    @display(description="Signed here", ordering="signed")
    def signed_here(self, obj):
        return obj.signed

    action_views = {"revoke": RevokeView, "rotate": RotateView, "shut_out": ShutOutView}

    def action_view(self, view_class):
        def view(request, instance_pk):
            return view_class.as_view(model_admin=self, instance_pk=instance_pk)(request)

        return view

    def get_admin_urls_for_registration(self):
        return (
            *super().get_admin_urls_for_registration(),
            *(
                re_path(
                    self.url_helper.get_action_url_pattern(action),
                    self.action_view(view_class),
                    name=self.url_helper.get_action_url_name(action),
                )
                for action, view_class in self.action_views.items()
            ),
        )
