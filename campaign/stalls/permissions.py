"""The stalls app's share of the "Campaign organisers" group: opening, revoking and reading stall sessions.

A stall link signs statements with signatures that count at once, so only
organisers may open one; revoking is a change of the session.
"""

ADD_PERMISSION = "stalls.add_stall"
CHANGE_PERMISSION = "stalls.change_stall"
VIEW_PERMISSION = "stalls.view_stall"

ORGANISER_PERMISSIONS = [ADD_PERMISSION, CHANGE_PERMISSION, VIEW_PERMISSION]
