"""Admin pieces every app's wagtail_hooks.py uses: safe lists, the "Requests" menu and read-only lists.

Every ModelAdmin of the project derives from `SafeModelAdmin`, whose list
takes only the query parameters it declares and whose downloads defuse
spreadsheet formulas (see `StrictIndexView`). A list declares its columns
once, in `list_display`: its CSV and XLSX downloads (offered when it names
`export_filename`) hold exactly those columns, in that order, under the same
headings, each cell as the list shows it; a long text (an address, notes) is
a `one_line` column, shortened in the list and whole in the download.

Requests are answered here too: `DefaultNewFilter` opens a request list on
what still needs an answer, and `AnsweredRequestAdmin` gives a request's
edit screen its staff-only fields (assigned to, internal notes) and the
optional "Email the requester" when its status changes (the forms are in
`core.request_forms`).

"Requests" gathers what supporters send in (submitted activities, print
orders, speaker invitations ...) from whichever apps are installed: each
app's ModelAdmin joins it with `InRequestsMenu`, through a Wagtail hook,
so this module never names the apps.

Menu badges (`core.menu_badges`) show how many items wait behind a menu
item, read out with its label ("Print orders, 3 new"). A request list under
"Requests" gets one by itself: `InRequestsMenu` counts the rows whose
`status` is "new"; a ModelAdmin changes that by overriding
`new_items(request)` (a queryset, counted) or turns it off with
`menu_badge = False`. Any other menu item gets one with
`@menu_badge("<menu item name>")` on a function `count(request)`; a submenu
shows the sum of its items'. One COUNT per badge on each admin page.
"""

from datetime import date
from functools import cache
from html import unescape

from django.contrib.admin import SimpleListFilter, display
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import display_for_field, display_for_value, label_for_field, lookup_field
from django.core.exceptions import BadRequest, ImproperlyConfigured, ObjectDoesNotExist
from django.core.paginator import InvalidPage
from django.db.models import BooleanField
from django.http import HttpResponseBadRequest
from django.templatetags.static import static
from django.urls import reverse
from django.utils.encoding import force_str
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeData
from django.utils.text import Truncator, capfirst
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.sidebar import PageExplorerMenuItem
from wagtail.coreutils import cautious_slugify
from wagtail.models import Page, Site
from wagtail.permissions import policy_registry
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import EditView, IndexView, InspectView

from .exports import SafeSpreadsheetExport, SheetDate, defuse_formula
from .menu_badges import add_badges, menu_badge
from .request_forms import RequestForm, StatusEmailForm

REQUESTS_MENU_HOOK = "register_requests_menu_item"
REQUESTS_MENU_CONSTRUCT_HOOK = "construct_requests_menu"

requests_menu = Menu(register_hook_name=REQUESTS_MENU_HOOK, construct_hook_name=REQUESTS_MENU_CONSTRUCT_HOOK)
hooks.register(REQUESTS_MENU_CONSTRUCT_HOOK, add_badges)


@hooks.register("insert_global_admin_css")
def list_css():
    """The lists' few rules (static/admin/lists.css): no word or button split when a list meets a laptop."""
    return format_html('<link rel="stylesheet" href="{}">', static("admin/lists.css"))


class StrictIndexView(SafeSpreadsheetExport, IndexView):
    """A modeladmin list that takes only the parameters it declares; anything else is a 400.

    wagtail-modeladmin, like Django's admin, turns every query parameter it
    does not know into a queryset filter, so `?email__regex=^a` or
    `?page__owner__password__regex=` answer yes or no about columns the user
    may not see. Here the list filters (`list_filter`, with custom and date
    filters) each claim their own parameters; besides those only search
    (`q`), ordering (`o`), the page (`p`) and a download in a format the list
    offers (`export`) are accepted.
    """

    IGNORED_PARAMS = (IndexView.ORDER_VAR, IndexView.SEARCH_VAR, IndexView.EXPORT_VAR)
    export_buttons_template_name = "core/admin/export_buttons.html"  # CSV and XLSX, no dropdown

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except BadRequest as refusal:
            return HttpResponseBadRequest(str(refusal), content_type="text/plain; charset=utf-8")

    def get_filters(self, request):
        """The declared filters; a parameter none of them claims is refused, never applied."""
        try:
            filter_specs, has_filters, unclaimed, use_distinct = super().get_filters(request)
        except IncorrectLookupParameters as error:  # an unclaimed parameter naming no field
            raise BadRequest("This list cannot be filtered that way.") from error
        if unclaimed:
            raise BadRequest(f"This list cannot be filtered by {', '.join(sorted(unclaimed))}.")
        return filter_specs, has_filters, unclaimed, use_distinct

    def get_queryset(self, request=None):
        if self.export is not None and self.export not in self.FORMATS:
            raise BadRequest("This list offers no download in that format.")
        try:
            return super().get_queryset(request)
        except IncorrectLookupParameters as error:  # a declared filter given a value it cannot take
            raise BadRequest("A filter of this list was given a value it cannot take.") from error

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if not self.list_export:
            raise BadRequest("This list offers no download.")
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def get_heading(self, queryset, field):
        """The column's heading as the list shows it ("Signed as", not Wagtail's "Signed As")."""
        return defuse_formula(capfirst(force_str(label_for_field(field, self.model, self.model_admin))))

    def to_row_dict(self, item):
        return {name: column_text(self.model_admin, item, name) for name in self.list_export}


@cache
def is_model_field(model, name):
    """Whether `name` is one of `model`'s fields, which a list shows before a ModelAdmin method of that name."""
    return any(field.name == name for field in model._meta.get_fields())


def column_text(model_admin, item, name):
    """What the list shows in column `name` for `item`, as a spreadsheet cell; a `one_line` column's whole text.

    A choice is its label, a related record its name, yes or no for a tick,
    "-" for nothing; numbers stay numbers, and a date or moment is a SheetDate
    (the XLSX's date cell, the CSV's text as the list writes it).
    """
    empty = model_admin.get_empty_value_display(name)
    whole_field = getattr(getattr(model_admin, name, None), "whole_text_of", None)
    if whole_field:
        return getattr(item, whole_field) or empty
    method = None if is_model_field(type(item), name) else getattr(model_admin, name, None)
    try:  # the list's own method called at once: lookup_field's search costs most of a million-row download
        field, attr, value = (None, method, method(item)) if callable(method) else lookup_field(name, item, model_admin)
    except ObjectDoesNotExist:
        return empty
    if getattr(attr, "boolean", False) or isinstance(field, BooleanField):
        return empty if value is None else ("Yes" if value else "No")
    if isinstance(value, (int, float)) and not getattr(field, "choices", None):
        return value
    if field is None or field.auto_created:
        shown = display_for_value(value, getattr(attr, "empty_value_display", empty))
    else:
        shown = display_for_field(value, field, empty)
    text = unescape(strip_tags(shown)) if isinstance(shown, SafeData) else str(shown)
    return SheetDate(value, text) if isinstance(value, date) and not getattr(field, "choices", None) else text


def one_line(field_name, description, length=40):
    """A list column: the long text `field_name` (an address, notes) on one line, cut at `length` characters.

    The download holds the whole text (`column_text`), and so does the edit screen.
    """

    @display(description=description, ordering=field_name)
    def column(model_admin, obj):
        lines = (line.strip().rstrip(",") for line in (getattr(obj, field_name) or "").splitlines())
        return Truncator(", ".join(line for line in lines if line)).chars(length)

    column.whole_text_of = field_name
    return column


class CountedUpTo:
    """A StrictIndexView mixin for a list that may be long (signatures): it counts up to `count_limit` rows.

    Counting every row of a million-row table on each visit costs more than
    the page it is for; past the limit the list says "10,000+" and its pages
    go up to the limit, and searching or filtering narrows it.
    """

    count_limit = 10_000

    def get_context_data(self, **kwargs):
        queryset = self.get_queryset()
        found = self.count_up_to_limit(queryset)
        paginator = self.paginator_class(queryset, self.items_per_page)
        paginator.count = min(found, self.count_limit)  # a cached property: set, it is never counted again
        try:
            page_obj = paginator.page(self.page_num)
        except InvalidPage:
            page_obj = paginator.page(1)
        context = {
            "view": self,
            "all_count": self.shown(self.count_up_to_limit(self.get_base_queryset())),
            "result_count": self.shown(found),
            "paginator": paginator,
            "page_obj": page_obj,
            "elided_page_range": paginator.get_elided_page_range(self.page_num),
            "object_list": page_obj.object_list,
            "user_can_create": self.permission_helper.user_can_create(self.request.user),
            "show_search": self.search_handler.show_search_form,
            **kwargs,
        }
        return super(IndexView, self).get_context_data(**context)  # IndexView's own would count everything

    def count_up_to_limit(self, queryset):
        return queryset[: self.count_limit + 1].count()

    def shown(self, count):
        return f"{self.count_limit:,}+" if count > self.count_limit else count


class ReadableInspectView(InspectView):
    """The inspect screen, each label starting as a sentence does ("Name of the activity", not "name of ...").

    A ModelAdmin whose model's names are not for people (a third-party app's)
    renames them with `inspect_labels = {field name: label}`.
    """

    def get_field_label(self, field_name, field=None):
        labels = getattr(self.model_admin, "inspect_labels", {})
        return labels.get(field_name) or capfirst(super().get_field_label(field_name, field))


class SafeModelAdmin(ModelAdmin):
    """The base of every ModelAdmin in the project: its list is a `StrictIndexView` (or a subclass).

    Its columns are declared once (`list_display`, or `get_list_display` for
    columns some users may not see); a list that names `export_filename`
    downloads exactly the columns it shows this user, and `list_export` is
    never read. `offers_downloads` may narrow who gets the buttons.
    """

    index_view_class = StrictIndexView
    inspect_view_class = ReadableInspectView

    def offers_downloads(self, request):
        return bool(getattr(self, "export_filename", ""))

    def get_list_export(self, request):
        """The list's own columns, for users it offers downloads to; nothing else."""
        return tuple(self.get_list_display(request)) if self.offers_downloads(request) else ()

    def get_extra_attrs_for_field_col(self, obj, field_name):
        """Each cell names its column, which a phone shows before it (static/admin/lists.css: a row as a card)."""
        return {"data-label": capfirst(force_str(label_for_field(field_name, self.model, self)))}


def requests_menu_item():
    """The "Requests" entry of the admin menu; shown only to users who may open one of its lists."""
    return SubmenuMenuItem("Requests", requests_menu, icon_name="mail", order=250)


class InRequestsMenu:
    """A ModelAdmin mixin: list this model under "Requests" instead of at the top of the admin menu.

    Its menu item shows how many requests are new (see the module's docstring).
    """

    add_to_admin_menu = False
    menu_badge = True

    def register_with_wagtail(self):
        super().register_with_wagtail()
        hooks.register(REQUESTS_MENU_HOOK, self.get_menu_item)
        counts_by_status = type(self).new_items is InRequestsMenu.new_items
        if self.menu_badge and counts_by_status and not hasattr(getattr(self.model, "Status", None), "NEW"):
            # Said at start-up, not as a 500 on every admin page.
            raise ImproperlyConfigured(f"{type(self).__name__}: override new_items() or set menu_badge = False")
        if self.menu_badge:
            # the name Wagtail's MenuItem gives the item (it is made later, once URLs can be reversed)
            menu_badge(self.get_menu_item_name() or cautious_slugify(str(self.get_menu_label())))(self.count_new)

    def new_items(self, request):
        """What waits for an answer: the requests whose status is "new"."""
        return self.model.objects.filter(status=self.model.Status.NEW)

    def count_new(self, request):
        return self.new_items(request).count()


class ReadOnlyPermissionHelper(PermissionHelper):
    """A record of what happened (emails sent, downloads counted): it can be read, never made or edited.

    Deleting is allowed where `deletable` is set (old email task rows), and
    then only with the model's own delete permission.
    """

    deletable = False

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return self.deletable and super().user_can_delete_obj(user, obj)


class DefaultNewFilter(SimpleListFilter):
    """The status filter of a request list: it opens on "New", what still needs an answer.

    "All" is a value of its own (`all`), not the absence of one, so it
    clears the default; the parameter is the one a field filter would use
    (`status__exact`), so links made for that (the dashboard's) keep working
    and the strict list accepts it as declared.
    """

    title = "status"
    parameter_name = "status__exact"
    default = "new"
    ALL = "all"

    def lookups(self, request, model_admin):
        return model_admin.model._meta.get_field("status").choices

    def value(self):
        return self.used_parameters.get(self.parameter_name, self.default)

    def queryset(self, request, queryset):
        value = self.value()
        if value == self.ALL:
            return queryset
        if value not in {str(choice) for choice, _ in self.lookup_choices}:
            raise IncorrectLookupParameters(f"No status {value!r}")
        return queryset.filter(status=value)

    def choices(self, changelist):
        yield {
            "selected": self.value() == self.ALL,
            "query_string": changelist.get_query_string({self.parameter_name: self.ALL}),
            "display": "All",
        }
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }


class RequestButtonHelper(ButtonHelper):
    """A request's buttons: its usual answer ("Mark sent") looks primary, Delete looks serious, not loud.

    The answer button opens the edit screen with that status chosen and
    "Email the requester" ticked, so the organiser reads the message before
    it goes (see `AnswerEditView`). Models without `answer_label` get none.
    """

    edit_button_classnames = ["button-secondary"]
    delete_button_classnames = ["button-secondary", "no"]

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        label = getattr(obj, "answer_label", "")
        if label and obj.status == obj.Status.NEW and self.permission_helper.user_can_edit_obj(self.request.user, obj):
            edit_url = self.url_helper.get_action_url("edit", obj.pk)
            buttons.insert(
                0,
                {
                    "url": f"{edit_url}?status={obj.answer_status}",
                    "label": label,
                    "classname": self.finalise_classname(classnames_add),
                    "title": f"{label}: “{obj}”",
                },
            )
        return buttons


class AnswerEditView(EditView):
    """The edit screen; `?status=<a status>` (the answer button) opens it with that status and the email box set."""

    def get_initial(self):
        initial = super().get_initial()
        status = self.request.GET.get("status", "")
        if self.request.method == "GET" and status in self.model.Status.values:
            initial.update(status=status, email_requester=True)
        return initial


class AnsweredRequestAdmin:
    """A ModelAdmin mixin for requests (core.request_models): staff-only fields, the answer button, status emails.

    The edit form is `StatusEmailForm` for models with a status email
    (`status_email_template`), else `RequestForm`. What every request list
    has is added here: the menu label is the model's plural name;
    `list_display` (and so the download) is followed by the status, who has
    it and when it came; `list_filter` comes between the status filter
    (opening on "New") and the date; `search_fields` take in the email and
    internal notes.
    """

    button_helper_class = RequestButtonHelper
    edit_view_class = AnswerEditView

    def get_edit_handler(self):
        edit_handler = super().get_edit_handler()
        emails = getattr(self.model, "status_email_template", "")
        edit_handler.base_form_class = StatusEmailForm if emails else RequestForm
        return edit_handler

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("assigned_to")

    def get_list_display(self, request):
        return (*self.list_display, "status", "assigned_to", "created")

    def get_menu_label(self):
        return self.menu_label or capfirst(self.opts.verbose_name_plural)

    def get_list_filter(self, request):
        return (DefaultNewFilter, *super().get_list_filter(request), "created")

    def get_search_fields(self, request):
        return (*super().get_search_fields(request), "email", "internal_notes")


class PermissionMenuItem(MenuItem):
    """A menu item shown only to users with `permission` (an admin screen of an app's own, not a ModelAdmin)."""

    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class HomeExplorerMenuItem(MenuItem):
    """The "Pages" item, opening at `start_page` (the home page) instead of Wagtail's root above it."""

    def __init__(self, item, start_page):
        url = reverse("wagtailadmin_explore", args=[start_page.pk])
        super().__init__(item.label, url, name=item.name, icon_name=item.icon_name, order=item.order)
        self.item, self.start_page = item, start_page

    def is_shown(self, request):
        return self.item.is_shown(request)

    def render_component(self, request):
        return PageExplorerMenuItem(self.name, self.label, self.url, self.start_page.pk, icon_name=self.icon_name)


def start_explorer_at_home(request, menu_items):
    """A construct_main_menu hook: the page explorer opens at the site's home page when the user may explore it.

    Wagtail opens it at the highest page the user may explore; for an
    administrator that is the tree's root, which holds nothing but the home page.
    """
    site = Site.find_for_request(request)
    explorable = policy_registry.get_by_type(Page).explorable_root_instance(request.user)
    if site is None or explorable is None:
        return
    if explorable.pk != site.root_page_id and not site.root_page.is_descendant_of(explorable):
        return
    menu_items[:] = [
        HomeExplorerMenuItem(item, site.root_page) if item.name == "explorer" else item for item in menu_items
    ]
