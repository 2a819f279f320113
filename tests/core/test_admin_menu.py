"""The admin menu an organiser lives in: only what organising uses; the page explorer opens at the home page."""

import pytest
from django.test import RequestFactory
from wagtail.admin.menu import admin_menu, reports_menu, settings_menu

from core.organisers import ADMINISTRATORS_MENU_ITEMS, ORGANISERS_GROUP
from tests.conftest import make_user
from tests.events.factories import EventIndexPageFactory
from tests.materials.factories import MaterialsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organised_pages(home_page):
    """The events list and the materials page, on which the organisers group gets page permissions when made."""
    return [EventIndexPageFactory(parent=home_page), MaterialsPageFactory(parent=home_page)]


# Permissions that would show every administrators' item, so that only the group can hide them.
EVERY_ADMIN_SCREEN = [
    "wagtailcore.add_workflow",
    "wagtailcore.change_workflow",
    "wagtailcore.add_task",
    "wagtailcore.change_task",
    "wagtailcore.change_site",
    "wagtailredirects.change_redirect",
    "django_tasks_database.view_dbtaskresult",
]


def names(menu, user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return {item.name for item in menu.menu_items_for_request(request)}


def shown_anywhere(user):
    return names(admin_menu, user) | names(settings_menu, user) | names(reports_menu, user)


def test_organisers_do_not_see_the_administrators_screens(organised_pages):
    organiser = make_user("organiser", groups=[ORGANISERS_GROUP], permissions=EVERY_ADMIN_SCREEN)

    assert shown_anywhere(organiser) & ADMINISTRATORS_MENU_ITEMS == set()
    assert {"explorer", "signatures", "requests", "events"} <= names(admin_menu, organiser)


def test_administrators_keep_them(superuser, home_page):
    assert shown_anywhere(superuser) >= ADMINISTRATORS_MENU_ITEMS


def test_the_page_explorer_opens_at_the_home_page(superuser, organiser, home_page, organised_pages):
    for user in (superuser, organiser):
        request = RequestFactory().get("/admin/")
        request.user = user
        explorer = next(item for item in admin_menu.menu_items_for_request(request) if item.name == "explorer")

        component = explorer.render_component(request)

        assert component.start_page_id == home_page.pk, user
        assert component.url == f"/admin/pages/{home_page.pk}/"
