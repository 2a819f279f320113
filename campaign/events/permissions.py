"""The events app's share of the "Campaign organisers" group: working through submitted activities."""

ORGANISER_PERMISSIONS = ["events.view_eventsubmission", "events.change_eventsubmission"]
