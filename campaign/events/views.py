"""Public views of events: the filtered listings, the "submit your activity" form, RSVPs and cancelling.

EventIndexPage and EventPage route to these and hand themselves in; this
module never imports the page models.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.cache import never_cache

from core.emails import queue_acknowledgement, queue_email, site_id
from core.page_cache import declare_query, varies_on_query
from core.protection import rate_limited
from core.signed_links import BadToken
from core.subscriptions import sources

from . import attendance, listing, near_you, recurrence
from .forms import EventFilterForm, EventSubmissionForm, RsvpForm, helpers_found_message
from .models.rsvps import Rsvp
from .tokens import CANCEL, CONFIRM, CONFIRM_MAX_AGE

EVENTS_PER_PAGE = 12
# How many next dates of a repeating event its page lists (and offers in the RSVP form).
DATES_SHOWN = 6
# When the filters match nothing, the next few events anywhere are shown instead of a dead end.
ELSEWHERE_SIZE = 3


def paginate(request, queryset, per_page):
    """One page of `queryset`; a missing or nonsense ?page= gives the first or last page, never an error."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


@varies_on_query("page", *EventFilterForm.FILTERS)
def event_list(request, index_page, events, past):
    """Upcoming or past events, filtered by kind and town as the visitor asked; upcoming ones by their next date.

    Upcoming events that match no filter show the next events anywhere, so
    the visitor never meets a dead end (the template also offers the form to
    organise one where they are). A postcode found in the lookup lists the
    upcoming events near it instead (near_you.py); one not found says so above
    the normal list.
    """
    near = None
    if not past:  # "Find an event near you": its own page of results when the postcode is found
        declare_query(request, *near_you.PARAMS)
        near = near_you.search(request, events)
        if near.found:
            listed = paginate(request, near.results, EVENTS_PER_PAGE)
            context = {"near": near, "near_results": listed, "showing_past": False, "query_string": near.query_string()}
            return index_page.render(request, context_overrides=context)
    filters = EventFilterForm(request.GET or None)
    chosen = filters.apply(events)
    listed = paginate(request, chosen if past else listing.soonest_first(chosen), EVENTS_PER_PAGE)
    elsewhere = listing.soonest_first(events, ELSEWHERE_SIZE) if filters.active and not listed and not past else []
    context = {
        "events": listed,
        "elsewhere": elsewhere,
        "filters": filters,
        "near": near,
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


@dataclass
class Answers:
    """What the page shows for the event, or for one date of it: counts in words, and whether it takes answers."""

    occurrence: object  # recurrence.Occurrence, or None for a one-off event
    going: int
    places_left: int | None
    helping: int
    helpers_left: int
    rsvp_open: bool
    helpers_open: bool

    @property
    def full(self):
        return self.places_left == 0


def answers_of(event, counts, occurrence=None, now=None):
    places_left = None if event.capacity is None else max(0, event.capacity - counts.going)
    helpers_left = attendance.helpers_needed(event, counts)
    open_to = {role: attendance.is_open(event, now, occurrence, role) for role in Rsvp.Role.values}
    return Answers(
        occurrence,
        counts.going,
        places_left,
        counts.helping,
        helpers_left,
        open_to[Rsvp.Role.ATTENDEE],
        open_to[Rsvp.Role.HELPER] and helpers_left > 0,
    )


def answers_by_date(event, now=None):
    """The next dates of a repeating event (cancelled ones too), each with its counts: one query for them all."""
    dates = recurrence.occurrences(event, now or timezone.now(), limit=DATES_SHOWN)
    counts = attendance.counts_by_date(event, [item.start for item in dates])
    return [answers_of(event, counts[item.start], item, now) for item in dates]


def rsvp_form(event, data=None, dates=None, answers=None):
    """The RSVP form for the event: its open dates to choose from, and the ways of coming still open."""
    if dates is not None:
        open_dates = [item for item in dates if item.rsvp_open or item.helpers_open or item.occurrence.cancelled]
        roles = [role for role in Rsvp.Role.values if any(open_for(item, role) for item in dates)]
        full = [item.occurrence.start for item in dates if not item.helpers_open]
        return RsvpForm(data, dates=[item.occurrence for item in open_dates], roles=roles, full_of_helpers=full)
    roles = [role for role in Rsvp.Role.values if open_for(answers, role)]
    return RsvpForm(data, roles=roles or [Rsvp.Role.ATTENDEE], full_of_helpers=[] if answers.helpers_open else [None])


def open_for(answers, role):
    return answers.helpers_open if role == Rsvp.Role.HELPER else answers.rsvp_open


def rsvp_context(event, form=None, data=None):
    """What the event page shows of its dates and answers: the next dates, the kept counts and the form.

    One query for the counts however many dates (and one for the cancelled dates, in `recurrence`).
    On a translation, the original's dates, settings and counts (EventPage.counted_page): one event.
    """
    event = event.counted_page
    if event.repeats:
        dates = answers_by_date(event)
        if not event.asks_for_answers:
            return {"dates": dates}
        form = form or rsvp_form(event, data, dates=dates)
        held = [item for item in dates if item.rsvp_open or item.helpers_open]
        return {"dates": dates, "rsvp_open": bool(held), "rsvp_form": form, "wants_helpers": bool(event.helpers_wanted)}
    if not event.asks_for_answers:
        return {}
    answers = answers_of(event, attendance.counts_for(event))
    return {
        "answers": answers,
        "rsvp_open": answers.rsvp_open or answers.helpers_open,
        "rsvp_form": form or rsvp_form(event, data, answers=answers),
        "wants_helpers": bool(event.helpers_wanted),
        # The names the box always read, for a one-off event.
        "going": answers.going,
        "places_left": answers.places_left,
        "full": answers.full and event.takes_rsvps,
    }


def closed(request, event):
    return event.render(request, template="events/rsvp_closed.html", context_overrides={"form": None})


@never_cache
@rate_limited("rsvp")
def rsvp(request, event):
    """The RSVP form's target: "check your inbox", or a clear page for a closed event or date.

    A new address and one already on the list get the same page, byte for
    byte: whether someone is coming (to a political meeting) is told only to
    that address, by email (attendance.take). A cancelled date, or a helper
    when every helper has signed up, is refused with the form and a polite word.
    """
    context = rsvp_context(event, data=request.POST or None)
    if not context.get("rsvp_open"):
        return closed(request, event)
    form = context["rsvp_form"]
    counted = event.counted_page  # on a translation, an answer to the original (one list in every language)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        occurrence = data.get("occurrence")
        if not attendance.is_open(counted, occurrence=occurrence, role=data["role"]):
            return closed(request, event)
        try:
            attendance.take(
                counted,
                data["name"],
                data["email"],
                data["phone"],
                updates=data["updates"],
                site=site_id(request),
                occurrence=occurrence.start if occurrence else None,
                role=data["role"],
                shown=event,
            )
        except attendance.HelpersFound:
            form.add_error(None, helpers_found_message(occurrence))
        else:
            context = {
                "asked_updates": data["updates"],
                "confirm_hours": CONFIRM_MAX_AGE // 3600,
                "occurrence": occurrence,
                "helping": data["role"] == Rsvp.Role.HELPER,
            }
            return event.render(request, template="events/rsvp_done.html", context_overrides=context)
    return event.render(request, template="events/rsvp_form.html", context_overrides=context)


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
    if rsvp.event_id != event.counted_page.pk:  # the links of a translation name the original's RSVPs
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
    counted = event.counted_page
    occurrence = recurrence.find(counted, rsvp.occurrence) if rsvp.occurrence else None
    unconfirmed = rsvp.status == rsvp.Status.UNCONFIRMED
    if unconfirmed and not attendance.is_open(counted, occurrence=occurrence, role=rsvp.role):
        return closed(request, event)
    context = {"rsvp": rsvp, "token": token}
    if request.method == "POST" and rsvp.status == rsvp.Status.UNCONFIRMED:
        try:
            rsvp, context["confirmed_now"] = attendance.confirm(rsvp, site=site_id(request))
        except attendance.HelpersFound:
            return closed(request, event)
        if rsvp is None:
            return bad_link(request, event, purpose="confirm")
        context["rsvp"] = rsvp
    return event.render(request, template="events/rsvp_confirm.html", context_overrides=context)
