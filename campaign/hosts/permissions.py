"""The hosts app's share of the "Campaign organisers" group: see hosts and their log, decide on messages,
change a host's trust and contact access, take access away, and import the paper counts they report."""

ORGANISER_PERMISSIONS = [
    "hosts.view_host",
    "hosts.change_host",
    "hosts.view_hostaction",
    "hosts.view_hostmessage",
    "hosts.change_hostmessage",
    "hosts.view_paperreport",
    "hosts.change_paperreport",
]
