"""Share links: plain links to each network's own share page, no third-party scripts.

Nothing loads from Facebook, X or WhatsApp until the visitor clicks, so no
tracker sees a visitor who only reads the page.
"""

from urllib.parse import quote, urlencode

from django.utils.translation import gettext


def share_links(url, text):
    """{key: (label, href)} for sharing `url` with the suggested `text`.

    Callers choose links by the key, which stays the same in every language;
    the label is what visitors read ("Email" is "E-bost" on a Welsh page).
    """
    return {
        "facebook": ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        "x": ("X", "https://x.com/intent/post?" + urlencode({"text": text, "url": url})),
        "whatsapp": ("WhatsApp", "https://wa.me/?" + urlencode({"text": f"{text} {url}"})),
        "email": (gettext("Email"), f"mailto:?subject={quote(text)}&body={quote(url)}"),
    }
