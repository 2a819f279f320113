"""Admin registration for events: submitted activities and RSVPs, under "Requests"."""

from wagtail_modeladmin.options import modeladmin_register

from .admin import EventSubmissionAdmin
from .rsvp_admin import RsvpAdmin

modeladmin_register(EventSubmissionAdmin)
modeladmin_register(RsvpAdmin)
