"""Organisers' lists of hosts: who hosts what (under "Events"), the log of what they did, and, under
"Requests", the hosts' messages waiting for approval and the paper counts waiting to be imported.

Hosts are made by accepting a submission (or by a host inviting a co-host), never here; an organiser
changes only whether a host is trusted and may see contact details, and takes access away with a button.
"""

from django.contrib import admin
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper

from campaign.events.admin import EVENTS_MENU_HOOK
from core.admin import InRequestsMenu, ReadOnlyPermissionHelper, SafeModelAdmin

from .models import Host, HostAction, HostMessage, PaperReport


class MadeElsewhere(PermissionHelper):
    """Rows made by what hosts do, never added or deleted by hand."""

    def user_can_create(self, user):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


def extra_button(helper, url, label, title, secondary=True):
    classnames = ["button-secondary"] if secondary else []
    return {"url": url, "label": label, "classname": helper.finalise_classname(classnames), "title": title}


class HostButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if self.permission_helper.user_can_edit_obj(self.request.user, obj):
            label = "Give access back" if obj.is_revoked else "Take access away"
            url = reverse("hosts_access", args=[obj.pk])
            buttons.append(extra_button(self, url, label, f"{label}: {obj.name}", secondary=not obj.is_revoked))
        return buttons


class UnderEvents:
    """A ModelAdmin mixin: listed in the "Events" menu, beside the event pages and RSVPs."""

    add_to_admin_menu = False

    def register_with_wagtail(self):
        super().register_with_wagtail()
        hooks.register(EVENTS_MENU_HOOK, self.get_menu_item)


class HostAdmin(UnderEvents, SafeModelAdmin):
    model = Host
    menu_label = "Hosts"
    menu_icon = "user"
    menu_order = 30
    list_display = ["name", "email", "event", "trusted", "contacts_allowed", "access", "last_used_at"]
    list_filter = ["trusted", "contacts_allowed"]
    search_fields = ["name", "email", "event__title"]
    permission_helper_class = MadeElsewhere
    button_helper_class = HostButtonHelper
    panels = [FieldPanel("trusted"), FieldPanel("contacts_allowed")]

    @admin.display(description="access", ordering="revoked_at")
    def access(self, obj):
        return f"Taken away {obj.revoked_at:%-d %b %Y}" if obj.revoked_at else "Yes"


class HostActionAdmin(UnderEvents, SafeModelAdmin):
    model = HostAction
    menu_label = "Hosts' log"
    menu_icon = "list-ul"
    menu_order = 31
    list_display = ["at", "kind", "event", "host", "organiser", "detail"]
    list_filter = ["kind"]
    search_fields = ["event__title", "host__name", "detail"]
    permission_helper_class = ReadOnlyPermissionHelper


class ReviewButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        label = "Review and approve" if obj.status == HostMessage.Status.HELD else "See what was sent"
        return [extra_button(self, reverse("hosts_message_review", args=[obj.pk]), label, obj.subject, False), *buttons]


class HostMessageAdmin(InRequestsMenu, SafeModelAdmin):
    """Hosts' messages under "Requests": the held ones wait for an organiser (the menu's badge counts them)."""

    model = HostMessage
    menu_label = "Hosts' messages"
    menu_icon = "mail"
    menu_order = 12
    list_display = ["subject", "event", "host", "status", "created_at", "recipients"]
    list_filter = ["status"]
    search_fields = ["subject", "event__title", "host__name"]
    permission_helper_class = ReadOnlyPermissionHelper
    button_helper_class = ReviewButtonHelper

    def new_items(self, request):
        return HostMessage.objects.filter(status=HostMessage.Status.HELD)


class PaperButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if obj.imported_at is None:
            url = reverse("hosts_paper_import", args=[obj.pk])
            buttons.insert(0, extra_button(self, url, "Import the sheets", f"Import: {obj.batch_name}", False))
        return buttons


class PaperReportAdmin(InRequestsMenu, SafeModelAdmin):
    """Paper counts hosts reported, under "Requests" until their sheets are imported."""

    model = PaperReport
    menu_label = "Paper counts from hosts"
    menu_icon = "doc-full"
    menu_order = 13
    list_display = ["event", "signatures", "note", "host", "reported_at", "imported_at"]
    search_fields = ["event__title", "note"]
    permission_helper_class = ReadOnlyPermissionHelper
    button_helper_class = PaperButtonHelper

    def new_items(self, request):
        return PaperReport.objects.filter(imported_at__isnull=True)
