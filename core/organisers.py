"""The "Campaign organisers" group: the people allowed to see what supporters send in.

Each app grants the group its own permissions (signatures, orders, requests,
email tasks); plain editors, who edit pages, see none of that personal data.
Models are reached through the app registry, so AppConfig modules can use
this before the models are loaded.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.db.models.signals import post_migrate

ORGANISERS_GROUP = "Campaign organisers"


def organisers_group(*permissions, using="default"):
    """The group, with admin access plus `permissions` ("app_label.codename"), created if missing."""
    Group, Permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    group, _ = Group.objects.using(using).get_or_create(name=ORGANISERS_GROUP)
    for name in ["wagtailadmin.access_admin", *permissions]:
        app_label, codename = name.split(".")
        group.permissions.add(Permission.objects.using(using).get(content_type__app_label=app_label, codename=codename))
    return group


def grant_after_migrate(app_label, permissions):
    """Keep the group holding `permissions` of the app `app_label`: granted after every migrate.

    So a production site has the group without the demo content, and each
    app names only its own share.
    """

    def grant(sender, using="default", **kwargs):
        create_permissions(sender, verbosity=0, using=using)
        organisers_group(*permissions, using=using)

    post_migrate.connect(
        grant, sender=apps.get_app_config(app_label), weak=False, dispatch_uid=f"organisers-{app_label}"
    )


class GrantsOrganisers:
    """An AppConfig mixin: the organisers group gets the app's `organiser_permissions` after every migrate."""

    organiser_permissions = ()

    def ready(self):
        super().ready()
        grant_after_migrate(self.label, self.organiser_permissions)
