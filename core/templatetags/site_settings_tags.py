"""The site settings in a template, for the page frames every app's pages extend, without naming `home`.

`{% site_settings as site_settings %}` at the top of base.html (and the
stall's) gives every page `site_settings`: the request's site's settings,
read once per request (core.site_settings), as Wagtail's `settings.home...`
would, without the frame depending on the app that defines the model; on a
page in another language, with that language's site words (the campaign
name, tagline, footer, imprint) where editors gave them.
"""

from django import template

from core.site_settings import site_settings_for

register = template.Library()


@register.simple_tag(takes_context=True)
def site_settings(context):
    return site_settings_for(context.get("request"))
