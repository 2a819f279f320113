"""Admin for the machinery: the "Requests" menu the apps fill, and the email queue."""

from django.urls import path, reverse
from django_tasks_db.models import DBTaskResult
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from . import two_factor_views
from .admin import ReadOnlyPermissionHelper, SafeModelAdmin, requests_menu_item
from .emails import send_email

hooks.register("register_admin_menu_item", requests_menu_item)


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
    list_display = ["email_template", "status", "enqueued_at", "finished_at", "exception_class_path"]
    list_filter = ["status"]
    ordering = ["-enqueued_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(task_path=send_email.module_path)

    def email_template(self, obj):
        args = (obj.args_kwargs or {}).get("args") or [""]
        return args[0]

    email_template.short_description = "email"


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
