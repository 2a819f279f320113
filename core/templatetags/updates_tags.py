"""The footer's "updates by email" form, for the page frame every app's pages extend.

`{% updates_signup_form as updates_form %}` gives an empty form: the same for
every visitor, so a page that shows it can still come from the page cache.
"""

from django import template

from core.subscriptions.forms import UpdatesSignupForm

register = template.Library()


@register.simple_tag
def updates_signup_form():
    return UpdatesSignupForm()
