"""The news app's share of the "Campaign organisers" group: writing and publishing updates, emailing them.

Sending reaches thousands of inboxes in the campaign's name, so it is a
permission of its own (`news.send_update`), held by organisers, not by
every editor who may write an update.
"""

SEND_PERMISSION = "news.send_update"
ORGANISER_PERMISSIONS = [SEND_PERMISSION, "news.view_updatesend"]
# "New update" on the Email updates screen: organisers write and publish the updates they send.
ORGANISER_PAGE_PERMISSIONS = {
    "UpdateIndexPage": ["wagtailcore.add_page", "wagtailcore.change_page", "wagtailcore.publish_page"]
}
