"""Admin: "Email to subscribers" on an update's page header and its publish message, its screens, the sends.

"Email updates" lists every send; before the first it says how sending works,
and it always offers a "New update" button and the latest published updates to email.
"""

from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.widgets import Button, HeaderButton
from wagtail.models import Page
from wagtail_modeladmin.options import modeladmin_register

from core.admin import ReadOnlyPermissionHelper, SafeModelAdmin, StrictIndexView
from statements.outcomes_admin import STEP_BUTTONS_HOOK

from . import admin_views, deleting, step_updates, step_views
from .models import UpdateIndexPage, UpdatePage, UpdateSend
from .permissions import SEND_PERMISSION


@hooks.register("register_admin_urls")
def send_urls():
    return [
        path("news/email/<int:page_id>/", admin_views.compose, name="news_send_compose"),
        path("news/sends/<int:send_id>/", admin_views.progress, name="news_send_progress"),
        path("news/announce/<str:kind>/<int:step_id>/", step_views.announce, name="news_announce_step"),
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


def offer_to_email(request, page):
    """After publishing an update: a message whose button opens its email screen (for users who may send)."""
    if page.specific_class is UpdatePage and page.live and request.user.has_perm(SEND_PERMISSION):
        url = reverse("news_send_compose", args=[page.pk])
        messages.success(
            request,
            f"“{page.get_admin_display_title()}” is published. Email it to subscribers?",
            buttons=[messages.button(url, "Email to subscribers")],
        )


hooks.register("after_publish_page", offer_to_email)
hooks.register("after_create_page", offer_to_email)  # "Publish" straight from a new page's screen


def step_update_button(step, user):
    """On a published hand-in's or response's screen: write its one update, or open the one written."""
    if not step.live:
        return []
    existing = step_updates.update_about(step)
    if existing is not None:
        url = reverse("wagtailadmin_pages:edit", args=[existing.pk])
        return [HeaderButton("See the update about this", url=url, icon_name="doc-full")]
    if not step_views.may_write_updates(user):
        return []
    url = reverse("news_announce_step", args=[step_updates.kind_of(step), step.pk])
    return [HeaderButton("Write an update about this", url=url, icon_name="mail")]


hooks.register(STEP_BUTTONS_HOOK, step_update_button)


@hooks.register("after_publish")
def offer_an_update(request, instance):
    """After publishing a hand-in or response that has no update yet: a message offering to write one."""
    if not isinstance(instance, tuple(step_updates.STEP_MODELS.values())):
        return
    if not type(instance).objects.filter(pk=instance.pk, live=True).exists():  # Wagtail published another copy of it
        return
    if step_updates.update_about(instance) is None and step_views.may_write_updates(request.user):
        url = reverse("news_announce_step", args=[step_updates.kind_of(instance), instance.pk])
        messages.success(
            request,
            f"“{instance}” is published. Tell subscribers with a news update?",
            buttons=[messages.button(url, "Write an update about this")],
        )


@hooks.register("before_delete_page")
def keep_emailed_updates(request, page):
    """The delete screen of an emailed update, or of a page above one, says why not and goes back."""
    reason = deleting.refusal(page)
    if reason:
        messages.error(request, reason)
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("before_bulk_action")
def keep_emailed_updates_in_bulk(request, action_type, objects, action_view):
    """Deleting several pages at once: none goes while one of them holds an emailed update."""
    if action_type != "delete" or not objects or not isinstance(objects[0], Page):
        return None
    reasons = [reason for reason in map(deleting.refusal, objects) if reason]
    if reasons:
        for reason in reasons:
            messages.error(request, reason)
        return redirect("wagtailadmin_explore", objects[0].get_parent().pk)
    return None


class SendsIndexView(StrictIndexView):
    """The list of sends, with a "New update" button and the latest published updates, each a link to email it."""

    LATEST = 5

    def get_context_data(self, **kwargs):
        index = UpdateIndexPage.objects.first()
        can_add = index is not None and index.permissions_for_user(self.request.user).can_add_subpage()
        return super().get_context_data(
            new_update_url=reverse("wagtailadmin_pages:add", args=["news", "updatepage", index.pk]) if can_add else "",
            latest_updates=UpdatePage.objects.live().order_by("-date", "-pk")[: self.LATEST],
            **kwargs,
        )


class UpdateSendAdmin(SafeModelAdmin):
    """Every send with its progress; each row opens its progress screen (pause, cancel)."""

    model = UpdateSend
    menu_label = "Email updates"
    menu_icon = "mail"
    menu_order = 260
    permission_helper_class = ReadOnlyPermissionHelper
    index_view_class = SendsIndexView
    index_template_name = "news/admin/sends_index.html"
    list_display = ["page", "status", "sent", "failed", "left", "created_at", "progress_link"]
    list_filter = ["status"]

    def progress_link(self, obj):
        return format_html('<a href="{}">Progress</a>', reverse("news_send_progress", args=[obj.pk]))

    progress_link.short_description = "progress"


modeladmin_register(UpdateSendAdmin)
