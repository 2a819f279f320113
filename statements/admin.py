"""The Signatures section of the Wagtail admin (registered in wagtail_hooks.py).

Organisers with the right permissions see emails (on a signature's edit
screen, and searchable) and export; anyone else who may list signatures sees
names and places but no personal contact details. The list is kept to a few
short columns so that it fits a laptop's screen beside its filters.
"""

from django.contrib.admin import SimpleListFilter, display
from django.core.exceptions import PermissionDenied
from django.utils.formats import date_format
from django.utils.timezone import localtime
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from core.admin import SafeModelAdmin, StrictIndexView

from .exports import csv_response
from .models import Signature
from .permissions import EMAIL_PERMISSION, EXPORT_PERMISSION


class ConfirmedFilter(SimpleListFilter):
    title = "confirmation"
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        return [("yes", "Confirmed"), ("no", "Waiting for confirmation"), ("held", "Held for review")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.confirmed()
        if self.value() == "no":
            return queryset.awaiting_confirmation()
        if self.value() == "held":
            return queryset.held()
        return queryset


class SignatureIndexView(StrictIndexView):
    """The list, plus a streamed CSV of exactly what the list shows (filters and search applied).

    The CSV holds email addresses only for users who may see them: the
    export permission alone gives names and places.
    """

    FORMATS = (StrictIndexView.FORMAT_CSV,)
    export_buttons_template_name = "statements/admin/export_button.html"

    def as_spreadsheet(self, queryset, spreadsheet_format):
        user = self.request.user
        if not user.has_perm(EXPORT_PERMISSION):
            raise PermissionDenied
        return csv_response(queryset, with_email=user.has_perm(EMAIL_PERMISSION))


class SignatureAdmin(SafeModelAdmin):
    model = Signature
    menu_label = "Signatures"
    menu_icon = "list-ul"
    menu_order = 200
    add_to_admin_menu = True
    index_view_class = SignatureIndexView
    list_per_page = 50
    list_select_related = ["page"]
    list_filter = ["page", "kind", ConfirmedFilter, "show_publicly", "source"]
    ordering = ["-created_at"]
    inspect_view_enabled = False

    panels = [
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("name"), FieldPanel("organisation"), FieldPanel("role")],
            heading="Signature",
        ),
        FieldPanel("town"),
        FieldPanel("email", permission=EMAIL_PERMISSION),
        MultiFieldPanel(
            [FieldPanel("show_publicly"), FieldPanel("keep_informed")],
            heading="Consent",
        ),
        FieldPanel("source"),
    ]

    list_display = ["signed_as", "role", "town", "confirmed", "public", "signed_on"]

    @display(description="Signed as", ordering="name")
    def signed_as(self, obj):
        """An organisation leads with its own name: "Anytown Trades Council — A. Secretary, Secretary"."""
        if obj.kind == Signature.Kind.ORGANISATION and obj.organisation:
            return f"{obj.organisation} — {', '.join(part for part in (obj.name, obj.role) if part)}"
        return obj.name

    @display(description="Confirmed", boolean=True, ordering="confirmed_at")
    def confirmed(self, obj):
        return obj.is_confirmed

    @display(description="Public", boolean=True, ordering="show_publicly")
    def public(self, obj):
        return obj.show_publicly

    @display(description="Date", ordering="created_at")
    def signed_on(self, obj):
        return date_format(localtime(obj.created_at), "j M Y")

    def get_search_fields(self, request):
        fields = ["name", "organisation", "town"]
        if request.user.has_perm(EMAIL_PERMISSION):
            fields.append("email")
        return fields

    def get_list_export(self, request):
        """Any non-empty list shows the export button; the columns themselves are in exports.py."""
        return ["name"] if request.user.has_perm(EXPORT_PERMISSION) else []
