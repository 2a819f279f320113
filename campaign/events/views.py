"""Public views of events: the filtered listings, the "submit your activity" form, RSVPs and cancelling.

EventIndexPage and EventPage route to these and hand themselves in; this
module never imports the page models.
"""

from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect
from django.views.decorators.cache import never_cache

from core.emails import queue_acknowledgement, queue_email, site_id
from core.page_cache import varies_on_query
from core.protection import rate_limited
from core.signed_links import BadToken
from core.subscriptions import sources

from . import attendance
from .forms import EventFilterForm, EventSubmissionForm, RsvpForm
from .tokens import CANCEL, CONFIRM, CONFIRM_MAX_AGE

EVENTS_PER_PAGE = 12
# When the filters match nothing, the next few events anywhere are shown instead of a dead end.
ELSEWHERE_SIZE = 3


def paginate(request, queryset, per_page):
    """One page of `queryset`; a missing or nonsense ?page= gives the first or last page, never an error."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


@varies_on_query("page", *EventFilterForm.FILTERS)
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


def rsvp_context(event, form=None):
    """What the event page's RSVP box shows: the form and the kept counts (one row read, no counting)."""
    if not event.takes_rsvps:
        return {}
    counts = attendance.counts_for(event)
    places_left = None if event.capacity is None else max(0, event.capacity - counts.going)
    return {
        "rsvp_open": attendance.is_open(event),
        "rsvp_form": form or RsvpForm(),
        "going": counts.going,
        "places_left": places_left,
        "full": places_left == 0,
    }


def closed(request, event):
    return event.render(request, template="events/rsvp_closed.html", context_overrides={"form": None})


@never_cache
@rate_limited("rsvp")
def rsvp(request, event):
    """The RSVP form's target: "check your inbox", or a clear page for a closed event.

    A new address and one already on the list get the same page, byte for
    byte: whether someone is coming (to a political meeting) is told only to
    that address, by email (attendance.take).
    """
    if not attendance.is_open(event):
        return closed(request, event)
    form = RsvpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        attendance.take(
            event, data["name"], data["email"], data["phone"], updates=data["updates"], site=site_id(request)
        )
        context = {"asked_updates": data["updates"], "confirm_hours": CONFIRM_MAX_AGE // 3600}
        return event.render(request, template="events/rsvp_done.html", context_overrides=context)
    return event.render(request, template="events/rsvp_form.html", context_overrides=rsvp_context(event, form))


def bad_link(request, event, purpose="cancel", expired=False):
    """A cancel or confirm link that was altered, cut short or has expired: say so plainly, and what to do."""
    context = {"purpose": purpose, "expired": expired, "confirm_hours": CONFIRM_MAX_AGE // 3600}
    response = event.render(request, template="events/rsvp_bad_link.html", context_overrides=context)
    response.status_code = 400
    return response


def rsvp_of_link(request, event, link, purpose):
    """(the RSVP an emailed link names on this event, its token, None), or (None, token, the bad-link page)."""
    token = request.POST.get("token") or request.GET.get("token", "")
    try:
        rsvp = link.read(token)
    except BadToken as error:
        return None, token, bad_link(request, event, purpose, expired=error.expired)
    if rsvp.event_id != event.pk:
        return None, token, bad_link(request, event, purpose)
    return rsvp, token, None


@never_cache
@rate_limited("rsvp_cancel", limit=30)
def cancel_rsvp(request, event):
    """The emailed cancel link: a page with a button (a mail scanner's GET changes nothing); the POST cancels."""
    rsvp, token, refusal = rsvp_of_link(request, event, CANCEL, "cancel")
    if refusal:
        return refusal
    context = {"rsvp": rsvp, "token": token}
    if request.method == "POST":  # updates asked for with the RSVP go with it unless the person keeps them
        keep = request.POST.get("keep_updates") == "yes"
        chosen = keep and sources.has_confirmed_consent(rsvp)
        context["cancelled_now"] = attendance.cancel(rsvp, site=site_id(request), keep_updates=keep)
        context["kept"] = sources.kept_for(rsvp.email, chosen)
        return event.render(request, template="events/rsvp_cancelled.html", context_overrides=context)
    context["asks_about_updates"] = sources.has_confirmed_consent(rsvp)
    return event.render(request, template="events/rsvp_cancel.html", context_overrides=context)


@never_cache
@rate_limited("rsvp_confirm", limit=30)
def confirm_rsvp(request, event):
    """The emailed confirm link: a page with a button (a mail scanner's GET confirms nothing); the POST confirms."""
    rsvp, token, refusal = rsvp_of_link(request, event, CONFIRM, "confirm")
    if refusal:
        return refusal
    if rsvp.status == rsvp.Status.UNCONFIRMED and not attendance.is_open(event):
        return closed(request, event)
    context = {"rsvp": rsvp, "token": token}
    if request.method == "POST" and rsvp.status == rsvp.Status.UNCONFIRMED:
        rsvp, context["confirmed_now"] = attendance.confirm(rsvp, site=site_id(request))
        if rsvp is None:
            return bad_link(request, event, purpose="confirm")
        context["rsvp"] = rsvp
    return event.render(request, template="events/rsvp_confirm.html", context_overrides=context)
