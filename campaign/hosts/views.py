"""The host's private pages under /host/<link>/: the overview, and one page per thing a host does.

Each action is its own short page (a nervous host on a phone does one thing at a time); after it,
the overview says what happened (`?done=`). Every view acts on the link's own event only.
"""

from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from campaign.events import attendance, recurrence
from campaign.events.models import Rsvp
from core.protection import rate_limited
from core.signed_links import BadToken

from . import dates, event_changes, hosting, message_email, messaging
from .forms import AttendanceForm, CancelForm, CoHostForm, MessageForm, NewLinkForm, PaperForm, TimeOrPlaceForm
from .models import HostMessage, PaperReport
from .private import as_host, private
from .tokens import STOP_MESSAGES

LIMIT_REACHED = _(
    "This event's hosts have already written %(most)s messages today, the most for one day. "
    "Nothing was sent. You can send it tomorrow (UK time)."
)

# What the overview says after each action (?done=<key>): only these words, never anything typed.
DONE = {
    "sent": _("Your message is on its way to everyone coming."),
    "held": _("Thank you. An organiser will check your message and send it, usually within a day."),
    "changed": _("Saved. Everyone coming has been emailed the new details."),
    "unchanged": _("Nothing was different, so nobody was emailed."),
    "cancelled": _("The event is cancelled. Everyone coming has been told."),
    "came": _("Saved who came. Thank you."),
    "paper": _("Thank you. The organisers will add the paper signatures to the count."),
    "co_host": _("We have emailed them their own private link."),
}


def posted(request):
    """The form's data on a POST (even an empty one: nobody ticked, nothing typed), None on a GET."""
    return request.POST if request.method == "POST" else None


def overview_url(token, done=None):
    url = reverse("hosts:page", args=[token])
    return f"{url}?done={done}" if done else url


def state_of(host):
    event = host.event
    return {
        "host": host,
        "event": event,
        "listed": event.live,
        "started": event_changes.has_started(event),
        "can_change": event.live and not event.cancelled and not event_changes.has_started(event),
    }


def render(request, host, token, template, **context):
    return TemplateResponse(request, f"hosts/{template}.html", {**state_of(host), "token": token, **context})


@as_host("host_page")
def overview(request, host, token):
    """How many are coming and waiting, who they are (date by date for a repeating event), and what the host can do."""
    event = host.event
    counts = attendance.counts_for(event)
    people = list(event_changes.people_to_mark(event).filter(anonymised_at__isnull=True))
    attendees = [rsvp for rsvp in people if rsvp.role == Rsvp.Role.ATTENDEE]
    helpers = [rsvp for rsvp in people if rsvp.role == Rsvp.Role.HELPER]
    waiting = list(event.rsvps.waiting_in_turn().filter(anonymised_at__isnull=True))
    by_date = dates.dates_of(event, people, waiting) if recurrence.repeats(event) else None
    return render(
        request,
        host,
        token,
        "page",
        counts=counts,
        people=attendees + helpers,
        attendees=attendees,
        helpers=helpers,
        waiting=waiting,
        dates=by_date,
        done=DONE.get(request.GET.get("done", "")),
        host_messages=HostMessage.objects.filter(event=event)[:10],
        messages_left=messaging.messages_left_today(event),
        co_hosts=event.hosts.exclude(pk=host.pk).filter(revoked_at__isnull=True),
        paper_reports=PaperReport.objects.filter(event=event),
    )


@as_host("host_message", limit=20)
def message(request, host, token):
    form = MessageForm(posted(request))
    left = messaging.messages_left_today(host.event)
    if request.method == "POST" and form.is_valid():
        try:
            sent = messaging.submit(host, form.cleaned_data["subject"], form.cleaned_data["body"])
        except messaging.OverDailyLimit:
            form.add_error(None, LIMIT_REACHED % {"most": settings.HOST_MESSAGES_PER_DAY})
        else:
            done = "held" if sent.status == HostMessage.Status.HELD else "sent"
            return redirect(overview_url(token, done))
    recipients = messaging.recipients(host.event).count()
    limit = settings.HOST_MESSAGES_PER_DAY
    return render(request, host, token, "message", form=form, left=left, recipients=recipients, limit=limit)


@as_host("host_change", limit=20)
def change(request, host, token):
    state = state_of(host)
    if not state["can_change"]:
        return render(request, host, token, "not_now", what="change")
    form = TimeOrPlaceForm(posted(request), instance=host.event)
    if request.method == "POST" and form.is_valid():
        changed = event_changes.change_time_or_place(host, form.cleaned_data)
        return redirect(overview_url(token, "changed" if changed else "unchanged"))
    return render(request, host, token, "change", form=form)


@as_host("host_cancel", limit=20)
def cancel(request, host, token):
    if not state_of(host)["can_change"]:
        return render(request, host, token, "not_now", what="cancel")
    form = CancelForm(posted(request))
    if request.method == "POST" and form.is_valid():
        event_changes.cancel_event(host, form.cleaned_data["reason"])
        return redirect(overview_url(token, "cancelled"))
    going = attendance.counts_for(host.event).going
    return render(request, host, token, "cancel", form=form, going=going)


@as_host("host_came", limit=30)
def came(request, host, token):
    if not event_changes.has_started(host.event):
        return render(request, host, token, "not_now", what="came")
    people = list(event_changes.people_to_mark(host.event))
    form = AttendanceForm(posted(request), people=people)
    if request.method == "POST" and form.is_valid():
        event_changes.mark_attendance(host, [int(pk) for pk in form.cleaned_data["came"]])
        return redirect(overview_url(token, "came"))
    return render(request, host, token, "came", form=form, people=people)


@as_host("host_paper", limit=20)
def paper(request, host, token):
    if not event_changes.has_started(host.event):
        return render(request, host, token, "not_now", what="paper")
    form = PaperForm(posted(request))
    if request.method == "POST" and form.is_valid():
        event_changes.report_paper(host, form.cleaned_data["signatures"], form.cleaned_data["note"].strip())
        return redirect(overview_url(token, "paper"))
    return render(request, host, token, "paper", form=form)


@as_host("host_co_host", limit=10)
def co_host(request, host, token):
    form = CoHostForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            hosting.invite_co_host(host, form.cleaned_data["name"], form.cleaned_data["email"])
        except hosting.AlreadyInvited as already:
            problem = (
                gettext("An organiser took this address's access away. Ask the organisers if it should have it again.")
                if already.revoked
                else gettext(
                    "That address can already manage this event. They can ask for a new link on the sign-in page."
                )
            )
            form.add_error("email", problem)
        else:
            return redirect(overview_url(token, "co_host"))
    return render(request, host, token, "co_host", form=form)


@private
@rate_limited("host_new_link", limit=10)
@require_http_methods(["GET", "HEAD", "POST"])
def new_link(request):
    """Anyone may ask; a link goes only to a current host's own address, and every visitor sees the same page."""
    form = NewLinkForm(posted(request))
    if request.method == "POST" and form.is_valid():
        hosting.send_fresh_links(form.cleaned_data["email"])
        return TemplateResponse(request, "hosts/new_link_sent.html")
    return TemplateResponse(request, "hosts/bad_link.html", {"form": form, "asked": True})


@private
@rate_limited("host_stop_messages", limit=30)
@require_http_methods(["GET", "HEAD", "POST"])
def stop_messages(request):
    """The one-click link in a host's message: a button for a person (GET), done at once for a mail program's POST."""
    token = (request.POST.get("token") or request.GET.get("token", "")).strip()
    try:
        rsvp = STOP_MESSAGES.read(token)
    except BadToken:
        return TemplateResponse(request, "hosts/stop_bad_link.html", status=400)
    stopped = request.method == "POST"
    if stopped:
        message_email.stop(rsvp)
    return TemplateResponse(request, "hosts/stop_messages.html", {"rsvp": rsvp, "token": token, "stopped": stopped})
