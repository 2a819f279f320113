"""Admin for the machinery: the "Requests" menu the apps fill, the email queue, and the menu organisers see.

Organisers (core.organisers) do not see Wagtail's screens for administrators;
the page explorer opens at the home page for everyone, not at the tree's bare
root above it.
"""

from django.contrib.admin import display
from django.urls import path, reverse
from django_tasks_db.models import DBTaskResult
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from . import page_methods, two_factor_views
from .admin import ReadOnlyPermissionHelper, SafeModelAdmin, requests_menu_item, start_explorer_at_home
from .emails import send_email
from .organisers import organisers_menu

hooks.register("register_admin_menu_item", requests_menu_item)
for menu in ("construct_main_menu", "construct_settings_menu", "construct_reports_menu"):
    hooks.register(menu, organisers_menu)
hooks.register("construct_main_menu", start_explorer_at_home)
# Before Wagtail's own (a private page's password form): a method no page takes is refused first.
hooks.register("before_serve_page", page_methods.answer_only_methods_taken, order=-1)


class EmailTaskPermissions(ReadOnlyPermissionHelper):
    deletable = True


class EmailTaskAdmin(SafeModelAdmin):
    """Emails waiting, sent and failed, from the production task queue (django-tasks-db)."""

    model = DBTaskResult
    menu_label = "Email tasks"
    menu_icon = "mail"
    menu_order = 900
    add_to_settings_menu = True
    permission_helper_class = EmailTaskPermissions
    inspect_view_enabled = True
    list_display = ["email_template", "status", "queued", "finished", "error"]
    list_filter = ["status"]
    ordering = ["-enqueued_at"]
    inspect_view_fields = ["status", "enqueued_at", "started_at", "finished_at", "exception_class_path", "traceback"]
    inspect_labels = {
        "enqueued_at": "Queued",
        "started_at": "Started",
        "finished_at": "Sent or given up",
        "exception_class_path": "Error",
        "traceback": "Error details (for the developers)",
    }

    def get_queryset(self, request):
        return super().get_queryset(request).filter(task_path=send_email.module_path)

    @display(description="Email")
    def email_template(self, obj):
        args = (obj.args_kwargs or {}).get("args") or [""]
        return args[0]

    @display(description="Queued", ordering="enqueued_at")
    def queued(self, obj):
        return obj.enqueued_at

    @display(description="Sent or given up", ordering="finished_at")
    def finished(self, obj):
        return obj.finished_at

    @display(description="Error")
    def error(self, obj):
        return obj.exception_class_path.rpartition(".")[2]


modeladmin_register(EmailTaskAdmin)


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/", two_factor_views.verify, name="staff_two_factor_verify"),
        path("two-factor/setup/", two_factor_views.setup, name="staff_two_factor_setup"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("staff_two_factor_setup"),
        "label": "Two-factor sign-in",
        "help_text": "Ask for a code from an authenticator app on your phone each time you sign in.",
    }
