"""The next steps a thank-you page offers, from the site settings, for templates outside `home`.

`{% next_steps site_settings page as steps %}`: the editors' steps less any
that leads back to `page`, the page whose form was just sent (a step back
to where one came from is no step onward).
"""

from django import template

register = template.Library()


@register.simple_tag
def next_steps(site_settings, page=None):
    steps = getattr(site_settings, "next_steps", None) or []
    here = getattr(page, "pk", None)
    return [step for step in steps if here is None or getattr(step.value.get("page"), "pk", None) != here]
