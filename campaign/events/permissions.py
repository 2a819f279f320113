"""The events app's share of the "Campaign organisers" group: working through submitted activities.

Delete too: erasing someone's submission on request is the organisers' job (SECURITY.md).

Accepting a submission makes a draft event under the events list, which the
organiser checks and publishes: so the group may add, edit and publish pages
under every events list page (Wagtail's page permissions, which belong to a
page, not a model): granted when such a page is made, and after every
migrate for those that already exist.
"""

from django.apps import apps

ORGANISER_PERMISSIONS = [
    "events.view_eventsubmission",
    "events.change_eventsubmission",
    "events.delete_eventsubmission",
]

EVENTS_LIST_PAGE_PERMISSIONS = ["wagtailcore.add_page", "wagtailcore.change_page", "wagtailcore.publish_page"]


def organisers_publish_events_under(index_page, group, using="default"):
    """Give `group` the page permissions for events under `index_page` (once; granting again changes nothing)."""
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for name in EVENTS_LIST_PAGE_PERMISSIONS:
        app_label, codename = name.split(".")
        permission = Permission.objects.using(using).get(content_type__app_label=app_label, codename=codename)
        GroupPagePermission.objects.using(using).get_or_create(group=group, page=index_page, permission=permission)
