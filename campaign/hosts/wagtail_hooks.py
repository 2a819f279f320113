"""Admin registration for hosts: hosts and their log under "Events"; held messages and paper counts under
"Requests"; the screens to review a message, change a host's access and import a host's paper sheets."""

from django.urls import path
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from .admin import HostActionAdmin, HostAdmin, HostMessageAdmin, PaperReportAdmin
from .admin_views import host_access, import_paper_report, review_message

modeladmin_register(HostAdmin)
modeladmin_register(HostActionAdmin)
modeladmin_register(HostMessageAdmin)
modeladmin_register(PaperReportAdmin)


@hooks.register("register_admin_urls")
def host_admin_urls():
    return [
        path("hosts/messages/<int:pk>/review/", review_message, name="hosts_message_review"),
        path("hosts/hosts/<int:pk>/access/", host_access, name="hosts_access"),
        path("hosts/paper/<int:pk>/import/", import_paper_report, name="hosts_paper_import"),
    ]
