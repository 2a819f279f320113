"""The "Campaign organisers" group: the people allowed to see what supporters send in."""

from django.contrib.auth.management import create_permissions

ORGANISERS_GROUP = "Campaign organisers"
ORGANISER_PERMISSIONS = [
    "view_printorder",
    "change_printorder",
    "view_speakerrequest",
    "change_speakerrequest",
    "view_form_submissions",
    "view_material",
]


def grant_organiser_permissions(app_config, **kwargs):
    """post_migrate: make sure the group exists and holds this app's organiser permissions."""
    from django.contrib.auth.models import Group, Permission

    if app_config.label != "campaign":
        return
    create_permissions(app_config, verbosity=0, using=kwargs.get("using", "default"))
    group, _ = Group.objects.using(kwargs.get("using", "default")).get_or_create(name=ORGANISERS_GROUP)
    permissions = Permission.objects.filter(
        content_type__app_label="campaign", codename__in=ORGANISER_PERMISSIONS
    )
    admin_access = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    group.permissions.add(*permissions, *admin_access)
