"""Admin for introductions: organisers read the groups and the log of messages members sent through the site
(to answer a complaint), under "Requests"; nothing is made or edited here. Members' addresses are not shown."""

from django.contrib.admin import display
from django.db.models import Count
from wagtail_modeladmin.options import modeladmin_register

from core.admin import InRequestsMenu, ReadOnlyPermissionHelper, SafeModelAdmin, one_line

from .models import GroupMessage, IntroductionGroup, still_in


class IntroductionGroupAdmin(InRequestsMenu, SafeModelAdmin):
    model = IntroductionGroup
    permission_helper_class = ReadOnlyPermissionHelper
    menu_label = "Introduction groups"
    menu_icon = "group"
    menu_order = 43
    menu_badge = False
    list_display = ("name", "kind", "active_members", "sent_at", "created_at")
    list_filter = ("kind",)
    search_fields = ("name",)

    def get_queryset(self, request=None):
        """The members still in counted with the groups, in the list's one query."""
        return super().get_queryset(request).annotate(members_in=Count("members", filter=still_in("members__")))

    @display(description="members still in", ordering="members_in")
    def active_members(self, obj):
        return obj.members_in


class GroupMessageAdmin(InRequestsMenu, SafeModelAdmin):
    model = GroupMessage
    permission_helper_class = ReadOnlyPermissionHelper
    menu_label = "Messages in groups"
    menu_icon = "mail"
    menu_order = 44
    menu_badge = False
    list_display = ("group", "sender_name", "body_line", "recipients", "created_at")
    body_line = one_line("body", "message")
    search_fields = ("body", "group__name")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("group", "sender__signature")

    @display(description="from")
    def sender_name(self, obj):
        return obj.sender.first_name if obj.sender_id else "(left)"


modeladmin_register(IntroductionGroupAdmin)
modeladmin_register(GroupMessageAdmin)
