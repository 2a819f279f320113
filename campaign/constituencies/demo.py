"""Demo "Where people have signed" page, in the menu. Its map counts the demo signatures' regions; the
constituencies' table fills once an organiser imports the ONS postcode lookup (core.places)."""

from core.demo import child_page

from .models import WhereSignedPage

INTRO = (
    "<p>Where the people and organisations who have signed live, by nation and region and by "
    "Westminster constituency. Find yours, see who has signed there, and add your name.</p>"
)


def build(home):
    return child_page(
        home,
        WhereSignedPage,
        "where-people-signed",
        title="Where people have signed",
        show_in_menus=True,
        intro=INTRO,
    )
