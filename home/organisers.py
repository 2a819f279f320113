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
