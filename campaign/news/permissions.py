"""The news app's share of the "Campaign organisers" group: emailing updates to subscribers.

Sending reaches thousands of inboxes in the campaign's name, so it is a
permission of its own (`news.send_update`), held by organisers, not by
every editor who may write an update.
"""

SEND_PERMISSION = "news.send_update"
ORGANISER_PERMISSIONS = [SEND_PERMISSION, "news.view_updatesend"]
