"""The admin's "Hand-in" menu item and screens, and a button to them on a statement's edit screen."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from statements.models import StatementPage

from . import views
from .permissions import may_use_handin


class HandinMenuItem(MenuItem):
    def is_shown(self, request):
        return may_use_handin(request.user)


@hooks.register("register_admin_urls")
def handin_urls():
    return [
        path("handin/", views.index, name="handin_index"),
        path("handin/sheets/", views.new_sheet_batch, name="handin_new_sheets"),
        path("handin/sheets/<str:code>.pdf", views.download_sheet, name="handin_sheet"),
        path("handin/packs/", views.new_pack, name="handin_new_pack"),
        path("handin/packs/<int:pack_id>/download/", views.download_pack, name="handin_pack"),
    ]


@hooks.register("register_admin_menu_item")
def handin_menu_item():
    return HandinMenuItem("Hand-in", reverse("handin_index"), name="handin", icon_name="doc-full", order=203)


@hooks.register("register_page_header_buttons")
def handin_button(page, user, view_name, next_url=None):
    """On a statement's edit screen: its signature sheets and hand-in packs."""
    if page.specific_class is StatementPage and may_use_handin(user):
        yield Button("Signature sheets and hand-in pack", views.screen_url(page), icon_name="doc-full", priority=40)
