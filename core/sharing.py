"""Share links: plain links to each network's own share page, no third-party scripts.

Nothing loads from Facebook, X or WhatsApp until the visitor clicks, so no
tracker sees a visitor who only reads the page.
"""

from urllib.parse import quote, urlencode


def share_links(url, text):
    """[(label, href)] for sharing `url` with the suggested `text`."""
    return [
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ("X", "https://x.com/intent/post?" + urlencode({"text": text, "url": url})),
        ("WhatsApp", "https://wa.me/?" + urlencode({"text": f"{text} {url}"})),
        ("Email", f"mailto:?subject={quote(text)}&body={quote(url)}"),
    ]
