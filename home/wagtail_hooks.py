"""Admin registration for the home app: site-wide settings, and the email queue."""

from django_tasks_db.models import DBTaskResult
from wagtail.contrib.settings.registry import register_setting
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from .models import SiteSettings

register_setting(SiteSettings, icon="cog")


class EmailTaskPermissions(PermissionHelper):
    """Task results are a record of what happened: they can be read, never edited."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False


class EmailTaskAdmin(ModelAdmin):
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
        return super().get_queryset(request).filter(task_path="home.emails.send_email")

    def email_template(self, obj):
        args = (obj.args_kwargs or {}).get("args") or [""]
        return args[0]

    email_template.short_description = "email"


modeladmin_register(EmailTaskAdmin)
