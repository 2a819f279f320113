"""Admin registration for the campaign app."""

from wagtail_modeladmin.options import modeladmin_register

from .admin_events import EventSubmissionAdmin

modeladmin_register(EventSubmissionAdmin)
