"""What the home page lists from the rest of the site.

Each listing is one cheap, bounded query (a LIMIT, never a scan of
signatures), so the home page costs the same however big the campaign grows,
plus the one small query of Wagtail's `.public()` (the view restrictions):
a private page's title is never shown to everyone.
"""

from django.utils import timezone

from campaign.events.listing import soonest_first
from campaign.events.models import EventPage
from campaign.news.models import UpdatePage

HOME_LISTING_SIZE = 3


def next_events(home_page, limit=HOME_LISTING_SIZE):
    """The next few live, public, not cancelled events in this site, by their next date (a repeating one too).

    A bounded number of queries: the restrictions, the one-off events, the repeating ones and their cancelled dates.
    """
    events = EventPage.objects.live().public().descendant_of(home_page)
    return soonest_first(events.filter(series_end__gte=timezone.now(), cancelled=False), limit=limit)


def latest_updates(home_page, limit=HOME_LISTING_SIZE):
    """The newest live, public news updates in this site (two queries: the restrictions, then the updates)."""
    return list(UpdatePage.objects.live().public().descendant_of(home_page).order_by("-date", "-pk")[:limit])


def home_listings(home_page):
    """Return the template context for the home page's listings."""
    return {"latest_updates": latest_updates(home_page), "next_events": next_events(home_page)}
