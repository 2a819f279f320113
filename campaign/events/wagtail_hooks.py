"""Admin registration for events: submitted activities under "Requests"; event pages and RSVPs under "Events"."""

from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from .admin import EventPagesMenuItem, EventsMenuItem, EventSubmissionAdmin, RsvpsUnderEvents, rsvps_button

modeladmin_register(EventSubmissionAdmin)
modeladmin_register(RsvpsUnderEvents)
hooks.register("register_admin_menu_item", EventsMenuItem)
hooks.register("register_events_menu_item", EventPagesMenuItem)
hooks.register("register_page_header_buttons", rsvps_button)
