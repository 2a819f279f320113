"""Demo events: a few of each kind, some past, one cancelled, two taking RSVPs, and one submission waiting;
and a weekly Saturday stall wanting helpers, with its second Saturday off.

Times are relative to the moment the demo is first loaded, so a fresh site
always has something coming up and something in the past. Running the loader
again creates only what is missing; it never moves an existing event.
"""

from datetime import timedelta

from django.utils import timezone

from core.demo import child_page

from .models import EventIndexPage, EventKind, EventPage, EventSubmission, OccurrenceCancellation
from .recurrence import Repeat

INTRO = (
    "<p>Meetings, street stalls and other activity for a Labour victory and a fighting labour "
    "movement. Find one near you, or organise your own and tell us about it.</p>"
)

SUBMIT_INTRO = (
    "<p>Organising a meeting, street stall or other activity? Tell us about it and we will list it "
    "here once we have checked it. Your email address is never shown.</p>"
)

# (slug, title, kind, days from now, start hour, hours long, venue, address, town, postcode, extra)
# fmt: off
EVENTS = [
    ("london-launch-meeting", "London launch meeting", EventKind.MEETING, 6, 19, 2,
     "Conway Hall", "25 Red Lion Square", "London", "WC1R 4RL", {"takes_rsvps": True, "capacity": 40}),
    ("sheffield-public-meeting", "Why we need a Labour victory: Sheffield public meeting", EventKind.MEETING,
     13, 19, 2, "Quaker Meeting House", "10 St James Street", "Sheffield", "S1 2EW", {"takes_rsvps": True}),
    ("online-organisers-call", "Online call for local organisers", EventKind.MEETING, 9, 20, 1,
     "Online (video call)", "", "Online", "", {"online_url": "https://meet.example.org/organisers"}),
    ("leeds-kirkgate-stall", "Street stall at Kirkgate Market", EventKind.STALL, 4, 11, 3,
     "Kirkgate Market, outside the main entrance", "Vicar Lane", "Leeds", "LS2 7HY", {}),
    ("brixton-stall", "Stall in Brixton", EventKind.STALL, 11, 12, 2,
     "Outside Brixton tube station", "Brixton Road", "London", "SW9 8HE", {"cancelled": True}),
    ("manchester-canvass", "Canvassing session with local Labour activists", EventKind.OTHER, 8, 10, 4,
     "Meet at the Friends Meeting House", "6 Mount Street", "Manchester", "M2 5NS", {}),
    ("nottingham-launch-meeting", "Nottingham launch meeting", EventKind.MEETING, -12, 19, 2,
     "Nottingham Mechanics", "3 North Sherwood Street", "Nottingham", "NG1 4EZ", {}),
    ("cardiff-queen-street-stall", "Stall on Queen Street", EventKind.STALL, -5, 11, 3,
     "Queen Street, by the Aneurin Bevan statue", "Queen Street", "Cardiff", "CF10 2BU", {}),
    ("oxford-leafleting", "Leafleting at the Cowley Road carnival", EventKind.OTHER, -20, 12, 5,
     "Cowley Road", "Cowley Road", "Oxford", "OX4 1HP", {}),
]
# fmt: on

DESCRIPTION = (
    "<p>Come and hear why socialists are campaigning for a Labour victory, and how we can build "
    "pressure on the Labour Party to win working-class demands. Bring a friend; everyone welcome.</p>"
)


def start_at(days, hour):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


SATURDAY = 5
WEEKLY_STALL_WEEKS = 12


def next_saturday():
    """The first Saturday after today, at 10:00 in the site's zone."""
    today = timezone.localtime()
    return start_at((SATURDAY - today.weekday() - 1) % 7 + 1, 10)


def weekly_stall(index):
    """The weekly stall: every Saturday morning for twelve weeks, four helpers wanted, the second Saturday off."""
    first = next_saturday()
    off = (first + timedelta(days=7)).date()
    return child_page(
        index,
        EventPage,
        "leeds-saturday-stall",
        title="Saturday stall on Briggate",
        kind=EventKind.STALL,
        start=first,
        end=first + timedelta(hours=3),
        repeats=Repeat.WEEKLY,
        repeat_count=WEEKLY_STALL_WEEKS,
        venue_name="Briggate, by the Trinity Leeds entrance",
        address="Briggate",
        town="Leeds",
        postcode="LS1 6HD",
        description="<p>Our stall every Saturday morning: leaflets, the statement to sign, and a chat with "
        "shoppers. Come for an hour or the whole morning; we bring the table and the tea.</p>",
        organiser_name="Leeds supporters",
        organiser_contact="leeds@example.org",
        takes_rsvps=True,
        helpers_wanted=4,
        cancelled_occurrences=[OccurrenceCancellation(date=off, reason="The street is closed for a fair that day.")],
    )


def build(home):
    index = child_page(
        home,
        EventIndexPage,
        "events",
        title="Events",
        intro=INTRO,
        submit_intro=SUBMIT_INTRO,
        show_in_menus=True,
    )
    for slug, title, kind, days, hour, hours, venue, address, town, postcode, extra in EVENTS:
        start = start_at(days, hour)
        child_page(
            index,
            EventPage,
            slug,
            title=title,
            kind=kind,
            start=start,
            end=start + timedelta(hours=hours),
            venue_name=venue,
            address=address,
            town=town,
            postcode=postcode,
            description=DESCRIPTION,
            organiser_name="Socialist Campaign for a Labour Victory",
            organiser_contact="info@example.org",
            **extra,
        )
    weekly_stall(index)
    if not EventSubmission.objects.filter(email="supporter@example.org").exists():
        start = start_at(16, 18)
        EventSubmission.objects.create(
            title="Bristol meeting: the election and the unions",
            kind=EventKind.MEETING,
            start=start,
            end=start + timedelta(hours=2),
            venue_name="Hamilton House",
            address="80 Stokes Croft",
            town="Bristol",
            postcode="BS1 3QY",
            description="A meeting for trade unionists in Bristol about the campaign.",
            organiser_name="Bristol supporters",
            organiser_contact="bristol@example.org",
            email="supporter@example.org",
        )
    return index
