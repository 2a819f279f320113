"""Whole addresses on the request's Wagtail Site: its root URL, never the Host header's or the proxy's scheme.

Links in emails, link previews (og:image) and calendar subscriptions are
opened outside the page, so they must be whole; built from the request
itself they would follow whatever Host, port or X-Forwarded-Proto the sender
chose (a forged Host would put the sender's site in someone's confirmation
email). The Site is the one Wagtail serves the request from (the default
site for an unknown host); the demo loader sets its address from
PUBLIC_BASE_URL. An address that is already whole is left as it is.
"""

from urllib.parse import urljoin

from wagtail.models import Site


def site_url(request, url):
    """`url` (a path, or already whole) as a whole address on the request's Site."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return request.build_absolute_uri(url) if request is not None else url
    return urljoin(site.root_url + "/", url)
