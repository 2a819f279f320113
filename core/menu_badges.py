"""Badges on the admin menu: how many items wait in a list, on the menu item that opens it.

An app says what "new" means for one of its menu items, by the item's name
(a modeladmin's is its slugified menu label: "print-orders"; Wagtail's form
submissions are "forms"):

    @menu_badge("print-orders")
    def new_print_orders(request):
        return PrintOrder.objects.filter(status=PrintOrder.Status.NEW).count()

(`core.admin.InRequestsMenu` does this by itself for request lists.) The
count is taken only when the item is shown to that user, once per page
(one query per badge on any admin page, whatever the size of the lists);
a submenu ("Requests") shows the sum of its items' badges.

Wagtail 8's menu items have no badge of their own, and the sidebar is drawn
by Wagtail's script from each item's label and `attrs`, which it puts on the
link. So the badge is an attribute: `data-new-count` (drawn by
static/admin/menu.css) and an `aria-label` that reads the count out with the
label: "Print orders, 3 new".
"""

import copy

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

_counters = {}


def menu_badge(name):
    """Decorator: `count(request)` says how many items are new for the menu item called `name`."""

    def register(count):
        _counters[name] = count
        return count

    return register


def _counts(request):
    """This request's counts by item name, each taken at most once (menus are built more than once per page)."""
    if not hasattr(request, "_menu_badge_counts"):
        request._menu_badge_counts = {}
    return request._menu_badge_counts


def new_count(request, item):
    """How many items are new behind a shown menu item: its own badge, or the sum of its submenu's."""
    counts = _counts(request)
    if item.name not in counts:
        if item.name in _counters:
            counts[item.name] = _counters[item.name](request)
        elif hasattr(item, "menu"):
            counts[item.name] = sum(new_count(request, sub) for sub in item.menu.menu_items_for_request(request))
        else:
            counts[item.name] = 0
    return counts[item.name]


def with_badge(item, count):
    """A copy of the (shared, long-lived) menu item carrying this request's count; the item itself if none."""
    if not count:
        return item
    badged = copy.copy(item)
    badged.attrs = {**item.attrs, "data-new-count": str(count), "aria-label": f"{item.label}, {count} new"}
    return badged


def add_badges(request, menu_items):
    """For a menu's construct hook: put each item's badge on it, in place."""
    menu_items[:] = [with_badge(item, new_count(request, item)) for item in menu_items]


@hooks.register("construct_main_menu")
def main_menu_badges(request, menu_items):
    add_badges(request, menu_items)


@hooks.register("insert_global_admin_css")
def badge_css():
    return format_html('<link rel="stylesheet" href="{}">', static("admin/menu.css"))
