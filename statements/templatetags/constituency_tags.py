"""The thank-you line about the signer's constituency: "You are one of 37 people in Leeds Central who have signed".

    {% load constituency_tags %}{% one_of_line signature %}

Renders nothing when there is nothing true to say (statements.constituencies.one_of): no
signature in the context, no constituency found from the postcode, or not yet counted.
"""

from django import template
from django.utils.html import format_html

from statements.constituencies import one_of
from statements.models import Signature

register = template.Library()


def sentence(signature, count, name):
    """The words, for a person or for an organisation, the first or one of many."""
    if signature.kind == Signature.Kind.ORGANISATION:
        if count == 1:
            return format_html("Yours is the first signature from {}.", name)
        return format_html("Yours is one of {} signatures from {}.", f"{count:,}", name)
    if count == 1:
        return format_html("You are the first person in {} to sign.", name)
    return format_html("You are one of {} people in {} who have signed.", f"{count:,}", name)


@register.simple_tag
def one_of_line(signature=None):
    """A paragraph saying how many have signed in the signer's constituency, or nothing."""
    found = one_of(signature)
    if found is None:
        return ""
    count, name = found
    return format_html('<p class="one-of">{}</p>', sentence(signature, count, name))
