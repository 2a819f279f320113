"""{% statement_timeline page total as timeline %}: the statement's timeline and targets, for its page's template.

The page's view (statements/views.py) stays as it is: the template asks for the timeline with the
count it already shows (statements/outcomes_timeline.py builds it).
"""

from django import template

from statements.outcomes_timeline import timeline

register = template.Library()


@register.simple_tag
def statement_timeline(page, total):
    return timeline(page, total or 0)
