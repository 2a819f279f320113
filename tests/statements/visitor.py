"""What a visitor types into the signing form, and how they follow the links in their emails."""

import re

PERSON = {
    "kind": "person",
    "name": "Rosa Example",
    "email": "rosa@example.org",
    "region": "yorkshire",  # every signature says where it is (or gives a postcode)
    "show_publicly": "on",
    "website": "",
}


def sign(client, page, **changes):
    return client.post(f"{page.url}sign/", {**PERSON, **changes})


def link_in(message, word):
    return re.search(rf"https?://\S+/{word}/\?token=\S+", message.body).group(0)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def confirm_form(response):
    """(action, fields) of the "Confirm my signature" form on the page an emailed link opens."""
    html = response.content.decode()
    action = re.search(r'<form method="post" action="([^"]+)"', html).group(1)
    return action, {"token": re.search(r'name="token" value="([^"]+)"', html).group(1)}


def confirm(client, confirm_url, **kwargs):
    """Open the emailed link, then press "Confirm my signature", as a person does (a mail scanner only opens it)."""
    action, fields = confirm_form(client.get(path_of(confirm_url)))
    return client.post(action, fields, **kwargs)
