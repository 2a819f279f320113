"""What a visitor types into the signing form, and how they follow the links in their emails."""

import re

PERSON = {
    "kind": "person",
    "name": "Rosa Example",
    "organisation": "Unite Community",
    "email": "rosa@example.org",
    "town": "Leeds",
    "show_publicly": "on",
    "website": "",
}


def sign(client, page, **changes):
    return client.post(f"{page.url}sign/", {**PERSON, **changes})


def link_in(message, word):
    return re.search(rf"https?://\S+/{word}/\?token=\S+", message.body).group(0)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)
