"""Every public form of the demo site, filled in as a person would: for the tests that send hostile values.

Each entry names where the form posts, a valid submission, which of its
answers are free text (and which an email address), and the rows a
submission may make, so a test can check that a refused one made none.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from itertools import count

from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from campaign.events import recurrence
from campaign.events.models import EventPage, EventSubmission, Rsvp
from campaign.hosts.models import Host, HostMessage
from campaign.hosts.tokens import HOST_LINK
from campaign.materials.models import Material, PrintOrder
from campaign.motion.models.conferences import AffiliatedBody, Conference
from campaign.motion.models.pathway import PathwayStep
from campaign.motion.models.pledges import DelegatePledge
from campaign.motion.models.reports import MotionReport
from campaign.motion.models.speakers import SpeakerRequest
from core.subscriptions.models import Consent, Subscriber
from statements.models.signature import Signature
from statements.models.sources import NamedSource

# Every row a public form may make: a refused submission changes none of these counts.
SAVED = (Signature, Rsvp, EventSubmission, PrintOrder, SpeakerRequest, MotionReport, FormSubmission, Consent)
SAVED += (Subscriber, PathwayStep, DelegatePledge, Host, HostMessage)

_addresses = count(1)


def fresh_address():
    """A new visitor's network for each request, so no rate limit or hold-back gets in a test's way."""
    n = next(_addresses)
    return f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"


def saved_rows():
    return {model.__name__: model.objects.count() for model in SAVED}


def local(days, hour):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0).strftime("%Y-%m-%dT%H:%M")


@dataclass
class PublicForm:
    name: str
    path: str
    data: dict
    text: tuple  # answers typed as free text
    emails: tuple = ("email",)
    extra: dict = field(default_factory=dict)
    adds_no_row: bool = False  # accepted, it sends a link to the address typed, or changes a page (cancelling)

    def submission(self, **changes):
        return {**self.data, **self.extra, **changes}


def public_forms():
    """The forms of the demo site (the `demo_content` fixture), each with a submission it accepts."""
    today = timezone.localdate()
    material = Material.objects.filter(orderable=True).first()
    stall = EventPage.objects.get(slug="leeds-saturday-stall", alias_of=None)  # not its Welsh alias
    first_date = recurrence.next_held(stall)
    host_page = f"/host/{HOST_LINK.make(demo_host())}/"
    partner = demo_partner()
    return [
        PublicForm(
            "signing",
            "/statement/sign/",
            {
                "kind": "person",
                "name": "Rosa Example",
                "email": "rosa@example.org",
                "postcode": "LS6",
                "show_publicly": "on",
                "keep_informed": "on",
            },
            text=("name", "postcode"),
        ),
        PublicForm(
            "organisation signing",
            "/statement/sign/",
            {
                "kind": "organisation",
                "organisation": "Leeds Trades Council",
                "organisation_type": "trades-council",
                "show_contact": "on",
                "contact_name": "Tom Mann",
                "role": "Secretary",
                "email": "secretary@example.org",
                "postcode": "LS6 2AB",
                "show_publicly": "on",
            },
            text=("contact_name", "organisation", "role", "postcode"),
        ),
        PublicForm(
            "change of signature",
            "/statement/change/",
            {"email": "rosa@example.org"},
            text=(),
            adds_no_row=True,
        ),
        PublicForm(
            "RSVP",
            "/events/london-launch-meeting/rsvp/",
            {"name": "Rosa Example", "email": "rosa@example.org", "phone": "07700 900456", "updates": "on"},
            text=("name", "phone"),
        ),
        PublicForm(
            "RSVP to a date of a weekly stall, as a helper",
            "/events/leeds-saturday-stall/rsvp/",
            {
                "occurrence": first_date.key,
                "role": "helper",
                "name": "Rosa Example",
                "email": "rosa@example.org",
                "phone": "07700 900456",
            },
            text=("name", "phone"),
        ),
        PublicForm(
            "event submission",
            "/events/submit/",
            {
                "title": "Street stall in Leeds",
                "kind": "stall",
                "start": local(10, 11),
                "end": local(10, 14),
                "venue_name": "Kirkgate Market",
                "address": "Vicar Lane",
                "town": "Leeds",
                "postcode": "LS2 7HY",
                "description": "Leaflets and a petition.",
                "organiser_name": "Leeds supporters",
                "organiser_contact": "07700 900456",
                "email": "organiser@example.org",
            },
            text=("title", "venue_name", "address", "town", "postcode", "description", "organiser_name"),
        ),
        PublicForm(
            "print order",
            "/materials/",
            {
                "name": "Rosa Luxemburg",
                "email": "rosa@example.org",
                "organisation": "Leeds Unison",
                "address": "1 Example Street\nLeeds LS1 1AA",
                "needed_by": (today + timedelta(days=14)).isoformat(),
                "notes": "Thanks!",
            },
            text=("name", "organisation", "address", "notes"),
            extra={f"quantity_{material.pk}": "20"},
        ),
        PublicForm(
            "speaker request",
            "/motion/",
            {
                "organisation": "Unite",
                "branch": "Sheffield Central",
                "contact_name": "Tom Mann",
                "email": "tom@example.org",
                "phone": "07700 900456",
                "proposed_dates": "Tuesday 12 May, 7pm",
                "format": "in_person",
                "place": "Trades Hall, Sheffield",
                "audience_size": "30",
                "notes": "Step-free access.",
            },
            text=("organisation", "branch", "contact_name", "proposed_dates", "place", "notes"),
        ),
        PublicForm(
            "motion report",
            "/motion/report/",
            {
                "body_name": "Leeds Central branch",
                "body_type": "union",
                "union": "other",
                "union_other": "GMB",
                "region": "yorkshire",
                "status": "tabled",
                "meeting_date": (today + timedelta(days=7)).isoformat(),
                "reporter_role": "Branch Secretary",
                "email": "secretary@example.org",
            },
            text=("body_name", "union_other", "reporter_role"),
        ),
        PublicForm(
            "conference step",
            "/motion/pathway/step/",
            {
                "report": str(MotionReport.objects.get(body_name="Anytown Trades Union Council").pk),
                "conference": str(Conference.objects.get(name="TUC Congress (example)").pk),
                "stage": "submitted",
                "happened_on": (today - timedelta(days=1)).isoformat(),
                "submitted_by": "Anytown TUC",
                "composite_name": "Composite 4",  # for another stage: left out of the saved step
                "composited_with": "Leeds East CLP",
                "reporter_role": "Secretary",
                "email": "secretary@example.org",
            },
            # A composite's answers are checked whatever the stage, before the stage's rules leave them out.
            text=("submitted_by", "composite_name", "composited_with", "reporter_role"),
        ),
        PublicForm(
            "delegate's pledge",
            "/motion/pathway/pledge/",
            {
                "conference": str(Conference.objects.get(name="Labour Party Conference (example)").pk),
                "delegate_name": "Jo Bloggs",
                "body": str(AffiliatedBody.objects.get(name="Unite (example)").pk),
                "email": "jo@example.org",
                "notices": "on",
            },
            text=("delegate_name",),
        ),
        PublicForm(
            "get involved",
            "/get-involved/",
            {
                "your_name": "Rosa Example",
                "your_email": "rosa@example.org",
                "phone": "07700 900456",
                "town_or_area": "Leeds",
                "union_branch_or_organisation": "Unite Community",
                "how_would_you_like_to_help": "Stalls on Saturdays.",
                "campaign_updates_consent": "on",
            },
            text=("your_name", "phone", "town_or_area", "union_branch_or_organisation", "how_would_you_like_to_help"),
            emails=("your_email",),
        ),
        PublicForm(
            "contact",
            "/contact/",
            {"your_name": "Rosa Example", "your_email": "rosa@example.org", "message": "Hello!"},
            text=("your_name", "message"),
            emails=("your_email",),
        ),
        PublicForm(
            "host's message",
            host_page + "message/",
            {"subject": "The room has changed", "body": "We are in room 2 now."},
            text=("subject", "body"),
            emails=(),
        ),
        PublicForm(
            "co-host invitation",
            host_page + "co-host/",
            {"name": "Kim Cohost", "email": "kim@example.org"},
            text=("name",),
        ),
        PublicForm(
            "signing in a partner's frame",
            f"/embed/{partner.code}/statement/",
            {"kind": "person", "name": "Jo Framed", "email": "jo@example.org", "region": "wales"},
            text=("name",),
        ),
        PublicForm(
            "a host asking for a new link", "/host/new-link/", {"email": "sam@example.org"}, text=(), adds_no_row=True
        ),
        PublicForm(
            "cancelling an event (last: its valid submission cancels the event)",
            host_page + "cancel/",
            {"sure": "on", "reason": "The hall flooded."},
            text=("reason",),
            emails=(),
            adds_no_row=True,
        ),
    ]


def demo_host():
    """A host of the demo's launch meeting: their private pages' forms are public to whoever holds the link."""
    event = EventPage.objects.get(slug="london-launch-meeting", alias_of=None)  # not its Welsh alias
    host, _ = Host.objects.get_or_create(event=event, email="sam@example.org", defaults={"name": "Sam Host"})
    return host


def demo_partner():
    """A partner's website that shows the sign form in a frame (statements.embeds): its form is public too."""
    partner, _ = NamedSource.objects.get_or_create(
        code="leeds-tuc",
        defaults={
            "name": "Leeds TUC",
            "kind": NamedSource.Kind.PARTNER,
            "frame_origins": "https://leedstuc.example.org",
        },
    )
    return partner
