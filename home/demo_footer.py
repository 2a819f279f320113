"""Demo site settings for the foot of every page and every thank-you page: the imprint and the next steps.

Example values only (a made-up promoter and address): a real campaign types
its own into Site settings, and no code names them. Each is filled only while
empty, so running the loader again keeps an editor's words.
"""

from .demo import CAMPAIGN_NAME
from .models import SiteSettings

IMPRINT = {
    "imprint_promoted_by": "A. Organiser",
    "imprint_on_behalf_of": CAMPAIGN_NAME,
    "imprint_address": "1 Example Street, Anytown AB1 2CD",
}

# What every thank-you page offers next: (slug of a page under home, title, text).
NEXT_STEPS = [
    ("statement", "Sign the statement", "Add your name, or your organisation’s, and ask others to sign."),
    ("events", "Come to an event", "Meetings and street stalls near you, and how to add your own."),
    ("materials", "Put up a poster", "Download posters to print, or order printed copies for a stall."),
    ("get-involved", "Get involved", "Join the network of socialists carrying out this fight."),
]


def build_imprint(home):
    """The example imprint, before any poster is drawn (the posters print it)."""
    site_settings = SiteSettings.for_site(home.get_site())
    if any(getattr(site_settings, field) for field in IMPRINT):
        return
    for field, value in IMPRINT.items():
        setattr(site_settings, field, value)
    site_settings.save()


def build_next_steps(home):
    """Point the thank-you pages' next steps at the demo's pages, once they exist."""
    site_settings = SiteSettings.for_site(home.get_site())
    if site_settings.next_steps:
        return
    pages = {page.slug: page for page in home.get_children().live()}
    site_settings.next_steps = [
        ("step", {"title": title, "text": text, "page": pages[slug]})
        for slug, title, text in NEXT_STEPS
        if slug in pages
    ]
    site_settings.save()
