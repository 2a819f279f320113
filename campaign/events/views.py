"""Public views of the events list: the filtered listings and the "submit your activity" form.

EventIndexPage routes to these and hands itself in; this module never
imports the page models.
"""

from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect

from core.emails import queue_acknowledgement, queue_email, site_id
from core.protection import rate_limited

from .forms import EventFilterForm, EventSubmissionForm

EVENTS_PER_PAGE = 12
# When the filters match nothing, the next few events anywhere are shown instead of a dead end.
ELSEWHERE_SIZE = 3


def paginate(request, queryset, per_page):
    """One page of `queryset`; a missing or nonsense ?page= gives the first or last page, never an error."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def event_list(request, index_page, events, past):
    """Upcoming or past events, filtered by kind and town as the visitor asked.

    Upcoming events that match no filter show the next events anywhere, so
    the visitor never meets a dead end (the template also offers the form to
    organise one where they are).
    """
    filters = EventFilterForm(request.GET or None)
    listed = paginate(request, filters.apply(events), EVENTS_PER_PAGE)
    elsewhere = list(events[:ELSEWHERE_SIZE]) if filters.active and not listed and not past else []
    context = {
        "events": listed,
        "elsewhere": elsewhere,
        "filters": filters,
        "showing_past": past,
        "query_string": filters.query_string(),
    }
    return index_page.render(request, context_overrides=context)


@rate_limited("submit")
def submit_event(request, index_page):
    """The "submit your activity" form: saved as new, the submitter thanked, the organisers told."""
    form = EventSubmissionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        params = {"site": site_id(request), "events_url": index_page.get_full_url(request)}
        with transaction.atomic():
            submission = form.save()
            queue_acknowledgement("events/event_submission_received", submission, submission.email, **params)
            queue_email("events/event_submission_notify", submission, **params)
        return redirect(index_page.url + index_page.reverse_subpage("submit_thanks"))
    return index_page.render(request, template="events/event_submit.html", context_overrides={"form": form})
