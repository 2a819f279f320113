"""Demo news: an index page with a few updates."""

import datetime

from django.utils import timezone

from core.demo import child_page

from .models import UpdateIndexPage, UpdatePage

# (slug, title, days ago, standfirst, paragraphs)
UPDATES = [
    (
        "campaign-launched",
        "Socialist Campaign for a Labour Victory launched",
        21,
        "Socialists from across the labour movement have launched a campaign to throw out the Tories.",
        [
            "We want a Labour victory, not because we support Labour’s current position, but to throw "
            "out the Tories and because Labour is linked to the trade unions.",
            "Add your name or your organisation’s name to the statement.",
        ],
    ),
    (
        "motion-passed",
        "First union branches back the campaign",
        10,
        "Branches have passed the model motion and invited speakers.",
        ["Put the model motion to your own branch and invite a speaker: we will send one."],
    ),
    (
        "posters-ready",
        "New posters to download and order",
        3,
        "Two new posters are ready to print, copy or order.",
        ["Each poster carries a QR code that takes people straight to the statement."],
    ),
]


def build(home):
    index = child_page(
        home,
        UpdateIndexPage,
        "news",
        title="News",
        show_in_menus=True,
        intro="News from the campaign.",
    )
    today = timezone.localdate()
    for slug, title, days_ago, standfirst, paragraphs in UPDATES:
        body = [("heading", "What happened")] if len(paragraphs) > 1 else []
        body += [("paragraph", f"<p>{text}</p>") for text in paragraphs]
        child_page(
            index,
            UpdatePage,
            slug,
            title=title,
            date=today - datetime.timedelta(days=days_ago),
            standfirst=standfirst,
            body=body,
        )
    return index
