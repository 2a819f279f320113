"""What the home page lists from the rest of the site.

Each listing is one cheap, bounded query (a LIMIT, never a scan of
signatures), so the home page costs the same however big the campaign grows.
"""

HOME_LISTING_SIZE = 3


def home_listings(home_page):
    """Return the template context for the home page's listings."""
    from campaign.models import UpdatePage

    return {
        "latest_updates": list(
            UpdatePage.objects.live().descendant_of(home_page).order_by("-date", "-pk")[:HOME_LISTING_SIZE]
        ),
        "next_events": [],
    }
