"""Admin registration for statements: the Signatures section, the paper import, named sources, the sources panel."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail_modeladmin.options import modeladmin_register

from core.admin import PermissionMenuItem
from core.menu_badges import menu_badge

from . import (
    anonymise_admin,  # noqa: F401  its hooks: 'Anonymise now' on a closed statement
    closing_admin,  # noqa: F401  its hooks: 'Close signing now' and 'Reopen signing'
    outcomes_admin,  # noqa: F401  registers "Targets and responses" (targets, hand-ins, responses)
    sources_admin,
)
from .admin import SignatureAdmin
from .admin_views import import_paper_signatures, review_group, review_signatures
from .models import Signature
from .permissions import IMPORT_PERMISSION, REVIEW_PERMISSION
from .sources_admin import NamedSourceViewSet
from .sources_dashboard import SourcesPanel

modeladmin_register(SignatureAdmin)


@hooks.register("register_admin_urls")
def import_urls():
    return [
        path("statements/import/", import_paper_signatures, name="statements_import"),
        path("statements/review/", review_signatures, name="statements_review"),
        path("statements/review/group/", review_group, name="statements_review_group"),
    ]


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return PermissionMenuItem(
        "Import signatures",
        reverse("statements_import"),
        icon_name="upload",
        order=201,
        permission=IMPORT_PERMISSION,
    )


@hooks.register("register_admin_menu_item")
def review_menu_item():
    return PermissionMenuItem(
        "Review signatures",
        reverse("statements_review"),
        icon_name="warning",
        order=202,
        permission=REVIEW_PERMISSION,
    )


@menu_badge("review-signatures")
def held_signatures(request):
    """Signatures held back for an organiser (one small count on the partial index of held rows)."""
    return Signature.objects.held().count()


register_snippet(NamedSourceViewSet)


@hooks.register("register_admin_urls")
def source_urls():
    return sources_admin.admin_urls()


@hooks.register("construct_homepage_panels")
def sources_panel(request, panels):
    panels.append(SourcesPanel(request.user))
