"""The Signatures section of the Wagtail admin (registered in wagtail_hooks.py).

Organisers with the right permissions see emails (a column of the list, the
edit screen, and the search) and export; anyone else who may list signatures
sees names and places but no personal contact details. Each row says where a
signature stands (waiting for its signer, held for an organiser and why, or
confirmed), and the filters beside the list narrow by each column. A
download, CSV or XLSX, holds the list's own columns, filters and search applied.
"""

from datetime import timedelta

from django.contrib.admin import SimpleListFilter, display
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import ExpressionWrapper, F, OuterRef, Subquery, Value
from django.utils.formats import date_format
from django.utils.timezone import localtime
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel
from wagtail_modeladmin.helpers import ButtonHelper

from core.admin import CountedUpTo, SafeModelAdmin, StrictIndexView
from core.places.lookup import constituency_names
from core.places.models import Constituency
from core.regions import Region

from .constituencies import CONSTITUENCY_CODE, codes_with_signatures
from .models import Signature
from .permissions import EMAIL_PERMISSION, EXPORT_PERMISSION

# The values the dashboard's links (and organisers' bookmarks) already use: ?confirmed=no ...
CONFIRMED, WAITING, HELD = "yes", "no", "held"


def status_of(signature):
    """Where a signature stands, as the list and its edit screen say it."""
    if signature.is_confirmed:
        return "Confirmed"
    if signature.held_because:
        return f"Held: {signature.get_held_because_display().lower()}"
    return "Waiting for the signer"


class StatusFilter(SimpleListFilter):
    """Confirmed, waiting for the signer, held (any reason), or held for one reason."""

    title = "status"
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        held_for = [(f"{HELD}-{value}", f"Held: {label.lower()}") for value, label in Signature.HeldBecause.choices]
        return [(CONFIRMED, "Confirmed"), (WAITING, "Waiting for the signer"), (HELD, "Held, any reason"), *held_for]

    def queryset(self, request, queryset):
        value = self.value()
        if value == CONFIRMED:
            return queryset.confirmed()
        if value == WAITING:
            return queryset.awaiting_confirmation()
        if value == HELD:
            return queryset.held()
        if value and value.startswith(f"{HELD}-"):
            return queryset.held().filter(held_because=value.removeprefix(f"{HELD}-"))
        return queryset


class ConstituencyFilter(SimpleListFilter):
    """The Westminster constituencies where people have signed (confirmed), by name.

    Two small queries, whatever the number of signatures: the codes from the kept counters, their
    names from the postcode lookup. The download follows it, as it follows every filter.
    """

    title = "constituency"
    parameter_name = "constituency"

    def lookups(self, request, model_admin):
        codes = codes_with_signatures()
        names = constituency_names(codes) if codes else {}
        return sorted(((code, names.get(code, code)) for code in codes), key=lambda choice: choice[1])

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if not CONSTITUENCY_CODE.fullmatch(value):
            raise IncorrectLookupParameters(f"No constituency {value!r}")
        return queryset.filter(constituency=value)


def with_constituency_names(queryset):
    """Each signature with its constituency's name beside it (`constituency_name`): no query per row."""
    name = Constituency.objects.filter(code=OuterRef("constituency")).values("name")[:1]
    return queryset.annotate(constituency_name=Subquery(name))


class StatusPanel(Panel):
    """The first thing on a signature's edit screen: where it stands, and why when it is held."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "statements/admin/signature_status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["status"] = status_of(self.instance)
            context["signature"] = self.instance
            return context


def sorted_after_the_search(queryset):
    """The search's rows found through its trigram indexes first, then sorted: never a scan in list order.

    Asked for the newest few matches, PostgreSQL would otherwise walk the date
    (or id) index and test every row against the search until it had them,
    which for a rare name is the whole table. Sorting on `created_at + 0`
    (and `id + 0`) gives it no index to walk; the same order, by the same values.
    """
    if connection.vendor != "postgresql":
        return queryset
    shifted = {"created_at": Value(timedelta(0)), "id": Value(0), "pk": Value(0)}
    order = []
    for term in queryset.query.order_by:
        name = term.lstrip("-") if isinstance(term, str) else None
        if name not in shifted:
            order.append(term)
            continue
        field = queryset.model._meta.pk if name == "pk" else queryset.model._meta.get_field(name)
        value = ExpressionWrapper(F(name) + shifted[name], output_field=type(field)())
        order.append(value.desc() if term.startswith("-") else value.asc())
    return queryset.order_by(*order)


class SignatureIndexView(CountedUpTo, StrictIndexView):
    """The list, counted up to 10,000 rows, and its downloads, for users with the export permission."""

    def get_search_results(self, request, queryset, search_term):
        found = super().get_search_results(request, queryset, search_term)
        return sorted_after_the_search(found) if search_term.strip() else found

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if not self.request.user.has_perm(EXPORT_PERMISSION):
            raise PermissionDenied
        return super().as_spreadsheet(queryset, spreadsheet_format)


class SignatureButtonHelper(ButtonHelper):
    """A row's one button is Edit: a signature is deleted from its edit screen, or in bulk through the review."""

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        return super().get_buttons_for_obj(obj, [*(exclude or []), "delete"], classnames_add, classnames_exclude)


class SignatureAdmin(SafeModelAdmin):
    model = Signature
    menu_label = "Signatures"
    menu_icon = "list-ul"
    menu_order = 200
    add_to_admin_menu = True
    index_view_class = SignatureIndexView
    list_per_page = 100
    list_select_related = ["union"]  # no column shows the page: a Wagtail page per row costs most of a download
    list_filter = [StatusFilter, "page", "kind", "region", ConstituencyFilter, "union", "show_publicly", "source"]
    ordering = ["-created_at"]
    inspect_view_enabled = False
    button_helper_class = SignatureButtonHelper
    export_filename = "signatures"

    panels = [
        StatusPanel(heading="Status"),
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

    list_display = ["signed_as", "status", "kind_of_signer", "union_name", "place", "constituency_column", "signed_on"]

    def get_queryset(self, request):
        return with_constituency_names(super().get_queryset(request))

    @display(description="Signed as", ordering="name")
    def signed_as(self, obj):
        """An organisation leads with its own name: "Anytown Trades Council — A. Secretary, Secretary"."""
        if obj.kind == Signature.Kind.ORGANISATION and obj.organisation:
            return f"{obj.organisation} — {', '.join(part for part in (obj.name, obj.role) if part)}"
        return obj.name

    @display(description="Email", ordering="email")
    def email_address(self, obj):
        return obj.email

    @display(description="Status", ordering="confirmed_at")
    def status(self, obj):
        return status_of(obj)

    @display(description="Kind", ordering="kind")
    def kind_of_signer(self, obj):
        return "Organisation" if obj.kind == Signature.Kind.ORGANISATION else "Person"

    @display(description="Town, region", ordering="region")
    def place(self, obj):
        """Town and nation or region in one column ("Leeds, Yorkshire and the Humber"), so the list fits a laptop."""
        region = str(Region(obj.region).label) if obj.region in Region.values else ""
        return ", ".join(part for part in (obj.town, region) if part)

    @display(description="Constituency", ordering="constituency_name")
    def constituency_column(self, obj):
        """Its Westminster constituency's name (found from the postcode at signing); the code if the lookup lost it."""
        return getattr(obj, "constituency_name", None) or obj.constituency

    @display(description="Union", ordering="union__name")
    def union_name(self, obj):
        return obj.union.name if obj.union else obj.union_other

    @display(description="Date", ordering="created_at")
    def signed_on(self, obj):
        return date_format(localtime(obj.created_at), "j M Y")

    def get_search_fields(self, request):
        fields = ["name", "organisation", "town"]
        if request.user.has_perm(EMAIL_PERMISSION):
            fields.append("email")
        return fields

    def get_list_display(self, request):
        """The email comes second, for users who may see addresses."""
        if request.user.has_perm(EMAIL_PERMISSION):
            return [self.list_display[0], "email_address", *self.list_display[1:]]
        return self.list_display

    def offers_downloads(self, request):
        """Downloads (the list's own columns, core.admin) for users who may download signatures."""
        return request.user.has_perm(EXPORT_PERMISSION)
