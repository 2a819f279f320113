"""The "Campaign organisers" group: the people allowed to see what supporters send in.

Each app grants the group its own permissions (signatures, orders, requests,
email tasks); plain editors, who edit pages, see none of that personal data.
"""

ORGANISERS_GROUP = "Campaign organisers"


def organisers_group(*permissions, using="default"):
    """The group, with admin access plus `permissions` ("app_label.codename"), created if missing."""
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.using(using).get_or_create(name=ORGANISERS_GROUP)
    for name in ["wagtailadmin.access_admin", *permissions]:
        app_label, codename = name.split(".")
        group.permissions.add(Permission.objects.using(using).get(content_type__app_label=app_label, codename=codename))
    return group


def grant_after_migrate(app_config, permissions):
    """Keep the group holding `permissions` of `app_config`'s app: granted after every migrate.

    Each app calls this from its AppConfig.ready(), so a production site has
    the group without the demo content, and each app names only its own share.
    """
    from django.contrib.auth.management import create_permissions
    from django.db.models.signals import post_migrate

    def grant(sender, using="default", **kwargs):
        create_permissions(sender, verbosity=0, using=using)
        organisers_group(*permissions, using=using)

    post_migrate.connect(grant, sender=app_config, weak=False, dispatch_uid=f"organisers-{app_config.label}")
