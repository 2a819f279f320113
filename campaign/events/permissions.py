"""The events app's share of the "Campaign organisers" group: submitted activities and RSVPs.

Organisers may delete a submission: erasing it on request is their job (SECURITY.md). They may not
delete an RSVP: it is cancelled by its own link, which keeps the counts. Accepting a submission makes
a draft event, so they may add and publish pages under each events list (core.organisers grants that).
"""

ORGANISER_PERMISSIONS = [
    "events.view_eventsubmission",
    "events.change_eventsubmission",
    "events.delete_eventsubmission",
    "events.view_rsvp",
    "events.change_rsvp",
]

ORGANISER_PAGE_PERMISSIONS = {
    "EventIndexPage": ["wagtailcore.add_page", "wagtailcore.change_page", "wagtailcore.publish_page"],
}
