"""The events app's share of the "Campaign organisers" group: submitted activities and RSVPs.

Delete too for submissions: erasing someone's submission on request is the
organisers' job (SECURITY.md). For RSVPs, seeing the list (and its CSV) and
marking who came; an RSVP is cancelled by its own link, which keeps the counts.

Accepting a submission makes a draft event under the events list, which the
organiser checks and publishes: so the group may add, edit and publish pages
under every events list page (Wagtail's page permissions belong to a page,
not a model; `core.organisers.GrantsOrganisers` grants them).
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
