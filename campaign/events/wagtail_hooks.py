"""Admin registration for events: submitted activities, under "Requests"."""

from wagtail_modeladmin.options import modeladmin_register

from .admin import EventSubmissionAdmin

modeladmin_register(EventSubmissionAdmin)
