"""Admin for RSVPs, under "Requests": who is coming to which event, a CSV of it, and marking who came.

Helpers are RSVPs too (`role`), shown and filtered here; a repeating event's are by date (`occurrence`).
RSVPs come only from the public form, so nobody adds one here; the edit
screen changes only "came", so an organiser's slip cannot move someone off
the list behind the kept counts' back. Downloads go through core's
formula-safe export (a name typed as "=HYPERLINK(...)" stays text).
"""

from django.contrib import admin
from wagtail.admin.panels import FieldPanel
from wagtail_modeladmin.helpers import PermissionHelper

from core.admin import InRequestsMenu, SafeModelAdmin

from .models import Rsvp


class RsvpPermissionHelper(PermissionHelper):
    def user_can_create(self, user):
        return False


class RsvpAdmin(InRequestsMenu, SafeModelAdmin):
    model = Rsvp
    menu_label = "RSVPs"
    menu_icon = "group"
    menu_order = 15
    menu_badge = False  # a list of people coming, not requests waiting for an answer
    # Email and phone shown, so the download an organiser rings round from holds them (a list exports what it shows).
    list_display = ["person", "email", "phone", "event", "occurrence", "role", "status", "created_at", "attended"]
    # Only the events people answered: a translation's answers are its original's (#29), so it offers none.
    list_filter = [("event", admin.RelatedOnlyFieldListFilter), "role", "status", "attended"]
    search_fields = ["name", "email", "phone"]
    ordering = ["event", "created_at"]
    export_filename = "rsvps"
    permission_helper_class = RsvpPermissionHelper
    panels = [FieldPanel("attended")]

    def get_list_display(self, request):
        """Every list of RSVPs shows the date and whether each is coming or helping, even one that names its columns."""
        columns = list(super().get_list_display(request))
        missing = [name for name in ("occurrence", "role") if name not in columns]
        at = columns.index("event") + 1 if "event" in columns else len(columns)
        return columns[:at] + missing + columns[at:]

    @admin.display(description="name", ordering="name")
    def person(self, obj):
        """The name, or a plain word once the purge has removed it after the event (rsvp_retention)."""
        return obj.name or "(removed after the event)"
