"""The "Campaign organisers" group: the people allowed to see what supporters send in.

Each app grants the group its own permissions (signatures, orders, requests,
email tasks); plain editors, who edit pages, see none of that personal data.
Models are reached through the app registry, so AppConfig modules can use
this before the models are loaded.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.db.models.signals import post_migrate, post_save

ORGANISERS_GROUP = "Campaign organisers"


def organisers_group(*permissions, using="default"):
    """The group, with admin access plus `permissions` ("app_label.codename"), created if missing."""
    Group, Permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    group, _ = Group.objects.using(using).get_or_create(name=ORGANISERS_GROUP)
    for name in ["wagtailadmin.access_admin", *permissions]:
        app_label, codename = name.split(".")
        group.permissions.add(Permission.objects.using(using).get(content_type__app_label=app_label, codename=codename))
    return group


def grant_after_migrate(app_label, permissions, collection_permissions=()):
    """Keep the group holding `permissions` of the app `app_label`: granted after every migrate.

    So a production site has the group without the demo content, and each
    app names only its own share. `collection_permissions` are granted on
    the root collection (`grant_on_root_collection`).
    """

    def grant(sender, using="default", **kwargs):
        create_permissions(sender, verbosity=0, using=using)
        organisers_group(*permissions, using=using)
        if collection_permissions:
            grant_on_root_collection(collection_permissions, using=using)

    post_migrate.connect(
        grant, sender=apps.get_app_config(app_label), weak=False, dispatch_uid=f"organisers-{app_label}"
    )


def _permission(name, using):
    app_label, codename = name.split(".")
    return (
        apps.get_model("auth", "Permission")
        .objects.using(using)
        .get(content_type__app_label=app_label, codename=codename)
    )


def grant_on_root_collection(permissions, using="default"):
    """The group may do `permissions` ("wagtaildocs.add_document" ...) on documents and images in every collection.

    Wagtail checks documents and images per collection, and the root holds
    all of them. The apps named may be installed after the one granting, so
    their permissions are made first.
    """
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.using(using).filter(depth=1).first()
    if root is None:  # the tables were emptied (a test's flush): nothing to grant on
        return
    for label in {name.split(".")[0] for name in permissions}:
        create_permissions(apps.get_app_config(label), verbosity=0, using=using)
    group = organisers_group(using=using)
    for name in permissions:
        GroupCollectionPermission.objects.using(using).get_or_create(
            group=group, collection=root, permission=_permission(name, using)
        )


def grant_on_page(page, permissions, using="default"):
    """The group may do `permissions` ("wagtailcore.publish_page" ...) on `page` and every page under it."""
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    group = organisers_group(using=using)
    for name in permissions:
        GroupPagePermission.objects.using(using).get_or_create(
            group=group, page=page, permission=_permission(name, using)
        )


def grant_on_pages_of(app_config, model_name, permissions):
    """Page permissions on every page of one type: granted when such a page is made, and after every migrate."""
    model = app_config.get_model(model_name)

    def on_new_page(sender, instance, created, raw=False, using="default", **kwargs):
        if created and not raw:
            grant_on_page(instance, permissions, using=using)

    def on_migrate(sender, using="default", **kwargs):
        for page in model.objects.using(using):  # none on a new database: no permission is looked up
            grant_on_page(page, permissions, using=using)

    uid = f"organisers-pages-{model._meta.label_lower}"
    post_save.connect(on_new_page, sender=model, weak=False, dispatch_uid=uid)
    post_migrate.connect(on_migrate, sender=app_config, weak=False, dispatch_uid=uid)


class GrantsOrganisers:
    """An AppConfig mixin: the organisers group gets the app's share of permissions.

    `organiser_permissions`, model permissions ("app.codename"), and
    `organiser_collection_permissions`, documents' and images' permissions
    on the root collection, after every migrate; `organiser_page_permissions`,
    {page model name: Wagtail page permissions}, on every page of that type
    and those under it (for a page made later, when it is made).
    """

    organiser_permissions = ()
    organiser_collection_permissions = ()
    organiser_page_permissions = {}

    def ready(self):
        super().ready()
        grant_after_migrate(self.label, self.organiser_permissions, self.organiser_collection_permissions)
        for model_name, permissions in self.organiser_page_permissions.items():
            grant_on_pages_of(self, model_name, permissions)


# Wagtail's screens an organiser never uses: page workflows and their tasks, the page reports
# (locked, aging, page types), sites, redirects and the email task list. Administrators keep them.
ADMINISTRATORS_MENU_ITEMS = frozenset(
    {
        "workflows",
        "workflow-tasks",
        "locked-pages",
        "aging-pages",
        "page-types-usage",
        "sites",
        "redirects",
        "email-tasks",
    }
)


def is_organiser(user):
    """In the organisers group and no superuser: the admin shows them only what organising needs."""
    return not user.is_superuser and user.groups.filter(name=ORGANISERS_GROUP).exists()


def organisers_menu(request, menu_items):
    """A construct_*_menu hook: take the administrators' items out of an organiser's menu."""
    if is_organiser(request.user):
        menu_items[:] = [item for item in menu_items if item.name not in ADMINISTRATORS_MENU_ITEMS]
