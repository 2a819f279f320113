"""The address of the brand stylesheet, with its version, for the page frames (base.html, the stall's)."""

from django import template
from django.urls import reverse

from core.brand import brand_version

register = template.Library()


@register.simple_tag
def brand_stylesheet_url(site_settings):
    """/brand.css?v=<fingerprint>: a new colour is a new address, so the old one may be cached for a year."""
    colour = getattr(site_settings, "brand_colour", "")
    return f"{reverse('brand-css')}?v={brand_version(colour)}"
