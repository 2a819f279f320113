"""The archive: the site's closed statements with their final counts and closing dates, at /closed-statements/.

A plain URL rather than a page: statements sit directly under the home page
with no index page of their own, and the list needs nothing from an editor.
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe
from wagtail.models import Site

from .closing import closed_statements, next_closing
from .closing_cache import kept_no_later_than


@require_safe
def closed_statements_list(request):
    """Cached like any page; kept in no cache past the next statement's closing, when the list grows."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    context = {"statements": closed_statements(site)}
    return kept_no_later_than(
        TemplateResponse(request, "statements/closed_statements.html", context), next_closing(site)
    )
