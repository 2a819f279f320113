"""The main navigation, built from the page tree.

Editors decide what appears with "Show in menus" on each page; the order is
the order of pages in the tree. The home page always comes first, as "Home".
Private pages (a password, a login or groups) never appear. A page is named
by its short menu title from the site settings when it has one ("Sign the
statement" for a statement whose title is a long sentence), else its title:
the settings model offers them as `short_menu_titles()` (core.site_settings).
"""

from django import template
from django.utils.translation import gettext as _
from wagtail.models import Site

from core.languages import localized
from core.site_settings import site_settings_for

register = template.Library()


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_navigation(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"items": []}
    root = localized(site.root_page)  # the home page in the page's language (#29)
    current = context.get("page")
    # Public pages only: the menu is on every page (and every cached page), so a private page's title stays out.
    pages = [root, *root.get_children().live().in_menu().public()]
    short_titles = site_settings_for(request).short_menu_titles()
    items = []
    for page in pages:
        if current is None:
            is_current = is_section = False
        else:
            is_current = current.pk == page.pk
            is_section = page.pk != root.pk and current.path.startswith(page.path)
        # An alias in another language stands for the original: the original's short title, if any.
        short = short_titles.get(page.pk) or short_titles.get(page.alias_of_id)
        title = _("Home") if page.pk == root.pk else short or page.title
        items.append({"page": page, "title": title, "current": is_current, "section": is_section and not is_current})
    return {"items": items, "request": request}
