"""Absolute addresses for what other programs fetch from a page: the Wagtail Site's, not the Host header's.

Link previews (og:image) and calendar subscriptions (webcal://) are fetched
by other programs, so their addresses must be whole.

An address is built on the request's Wagtail Site (its hostname and port,
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


@register.filter
def webcal(url):
    """The same absolute address as webcal://, which phones and calendar programs open as a subscription."""
    return "webcal://" + url.split("://", 1)[-1]
