"""Public views of the events list: the filtered listings and the "submit your activity" form.

EventIndexPage routes to these and hands itself in; this module never
imports the page models.
"""

from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from core.emails import queue_email
from core.notify import admin_url, organiser_addresses
from core.protection import rate_limited
from core.site_settings import site_settings_for

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


def local_time(value):
    return date_format(timezone.localtime(value), "l j F Y, H:i T")


def submission_email_context(submission, site_name):
    """Plain values only: the production task queue stores email context as JSON."""
    return {
        "site_name": site_name,
        "title": submission.title,
        "kind": submission.get_kind_display(),
        "start": local_time(submission.start),
        "end": local_time(submission.end),
        "venue_name": submission.venue_name,
        "address": submission.address,
        "town": submission.town,
        "postcode": submission.postcode,
        "online_url": submission.online_url,
        "description": submission.description,
        "organiser_name": submission.organiser_name,
        "organiser_contact": submission.organiser_contact,
        "email": submission.email,
    }


@rate_limited("submit")
def submit_event(request, index_page):
    """The "submit your activity" form: saved as new, the submitter thanked, the organisers told."""
    form = EventSubmissionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        site_settings = site_settings_for(request)
        with transaction.atomic():
            submission = form.save()
            context = submission_email_context(submission, site_settings.campaign_name)
            context["events_url"] = index_page.get_full_url(request)
            queue_email("events/event_submission_received", [submission.email], context)
            context["admin_url"] = admin_url(reverse("events_eventsubmission_modeladmin_inspect", args=[submission.pk]))
            queue_email(
                "events/event_submission_notify",
                organiser_addresses(request),
                context,
                reply_to=[submission.email],
            )
        return redirect(index_page.url + index_page.reverse_subpage("submit_thanks"))
    return index_page.render(request, template="events/event_submit.html", context_overrides={"form": form})
