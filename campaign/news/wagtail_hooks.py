"""Admin: "Email to subscribers" on an update's page header, its screens, and the list of sends."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail_modeladmin.options import modeladmin_register

from core.admin import ReadOnlyPermissionHelper, SafeModelAdmin

from . import admin_views
from .models import UpdatePage, UpdateSend
from .permissions import SEND_PERMISSION


@hooks.register("register_admin_urls")
def send_urls():
    return [
        path("news/email/<int:page_id>/", admin_views.compose, name="news_send_compose"),
        path("news/sends/<int:send_id>/", admin_views.progress, name="news_send_progress"),
    ]


@hooks.register("insert_global_admin_css")
def preview_css():
    return format_html('<link rel="stylesheet" href="{}">', static("news/admin.css"))


@hooks.register("register_page_header_buttons")
def email_button(page, user, view_name, next_url=None):
    if page.specific_class is UpdatePage and page.live and user.has_perm(SEND_PERMISSION):
        yield Button(
            "Email to subscribers", reverse("news_send_compose", args=[page.pk]), icon_name="mail", priority=40
        )


class UpdateSendAdmin(SafeModelAdmin):
    """Every send with its progress; each row opens its progress screen (pause, cancel)."""

    model = UpdateSend
    menu_label = "Email updates"
    menu_icon = "mail"
    menu_order = 260
    permission_helper_class = ReadOnlyPermissionHelper
    list_display = ["page", "status", "sent", "failed", "left", "created_at", "progress_link"]
    list_filter = ["status"]

    def progress_link(self, obj):
        return format_html('<a href="{}">Progress</a>', reverse("news_send_progress", args=[obj.pk]))

    progress_link.short_description = "progress"


modeladmin_register(UpdateSendAdmin)
