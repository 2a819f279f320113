"""The Signatures section of the Wagtail admin (registered in wagtail_hooks.py).

Organisers with the right permissions see emails and export; anyone else who
may list signatures sees names and places but no personal contact details.
"""

from django.contrib.admin import SimpleListFilter
from django.core.exceptions import PermissionDenied
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from core.admin import SafeModelAdmin, StrictIndexView

from .exports import csv_response
from .models import Signature
from .permissions import EMAIL_PERMISSION, EXPORT_PERMISSION


class ConfirmedFilter(SimpleListFilter):
    title = "confirmed"
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        return [("yes", "Confirmed"), ("no", "Waiting for confirmation")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.confirmed()
        if self.value() == "no":
            return queryset.unconfirmed()
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

    def confirmed(self, obj):
        return obj.is_confirmed

    confirmed.boolean = True
    confirmed.admin_order_field = "confirmed_at"

    def get_list_display(self, request):
        columns = ["name", "kind", "organisation", "town", "confirmed", "show_publicly", "created_at"]
        if request.user.has_perm(EMAIL_PERMISSION):
            columns.insert(1, "email")
        return columns

    def get_search_fields(self, request):
        fields = ["name", "organisation", "town"]
        if request.user.has_perm(EMAIL_PERMISSION):
            fields.append("email")
        return fields

    def get_list_export(self, request):
        """Any non-empty list shows the export button; the columns themselves are in exports.py."""
        return ["name"] if request.user.has_perm(EXPORT_PERMISSION) else []
