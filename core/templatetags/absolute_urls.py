"""Absolute addresses for what other sites fetch from a page (og:image): the Wagtail Site's, not the Host header's.

A link preview is fetched by Facebook or WhatsApp, so its address must be
whole. It is built on the request's Wagtail Site (its hostname and port,
which the demo loader sets from PUBLIC_BASE_URL), as og:url is, rather than
on whatever Host the visitor sent; an address that is already absolute (an
image kept in S3-compatible storage) is left as it is.
"""

from urllib.parse import urljoin

from django import template
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return request.build_absolute_uri(url) if request is not None else url
    return urljoin(site.root_url + "/", url)
