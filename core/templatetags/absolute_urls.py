"""Absolute addresses for what other programs fetch from a page: the Wagtail Site's, not the Host header's.

Link previews (og:image) and calendar subscriptions (webcal://) are fetched by other programs, so their
addresses are built on the request's Wagtail Site rather than whatever Host the visitor sent.
"""

from django import template

from core.site_urls import site_url

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    return site_url(context.get("request"), url)


@register.filter
def webcal(url):
    """The same absolute address as webcal://, which phones and calendar programs open as a subscription."""
    return "webcal://" + url.split("://", 1)[-1]
