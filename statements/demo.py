"""Demo content for statements: the statement, signatures of both kinds, its targets, a hand-in and a response."""

import json

from django.utils import timezone

from core.demo import child_page
from core.places.lookup import find_place

from . import outcomes_demo
from .models import NamedSource, Signature, StatementPage, Union

TITLE = "Socialist Campaign for a Labour Victory"

STANDFIRST = (
    "Another Tory government would be a disaster for the working class. We want a Labour victory, "
    "combined with clear working-class demands and a fighting labour movement."
)

SEED_PARAGRAPHS = [
    "Another Tory government – ruling by themselves, with the Lib Dems or, worst of all, in coalition "
    "with UKIP – would be a disaster for the working class. As socialists, we want a Labour victory, not "
    "because we support Labour's current position – a softer version of austerity and anti-migrant "
    "politics – but to throw out the Coalition, and because Labour is linked to workers' basic "
    "organisations, trade unions. If the unions choose to fight, they can change Labour's direction. We "
    "don't want to “hold our noses” and vote Labour as a lesser evil.",
    "We want to combine campaigning for a Labour government with making clear working-class demands, to "
    "boost working-class confidence, and strengthen and transform our labour movement so it is fit to "
    "fight. We must challenge the idea that the working class should pay for the capitalist crisis "
    "through increased inequality, lower pay, job insecurity, workplace stress, draconian ‘performance "
    "management’ and cuts to services.",
    "The labour movement should be championing every working-class fightback against the bosses’ drive "
    "to squeeze more and more profit out of our work and our lives. In place of the dog-eat-dog, "
    "exploiting society of capitalism, we socialists are fighting for a world of collective ownership, "
    "equality and sustainable planning for people’s needs, not profit. We want to spread these ideas in "
    "the working class and among young people. A socialist transformation of society is not immediately "
    "on the cards. Socialism is only possible when a majority of workers are convinced and organised to "
    "make it happen.",
    "But if we work to strengthen the left and working-class struggles, and reinject socialist ideas into "
    "political debate, we can push Labour to shift course and deliver at least some positive changes for "
    "the working class. Whether on the Living Wage or the NHS, free education or zero hours contracts, "
    "rail renationalisation or fracking, we need to up the pressure on Labour. We need to advocate "
    "radical policies like reversing all cuts, taxing the rich and taking the banks into democratic "
    "public ownership. The labour movement should aim for a government that serves the working class as "
    "the Coalition serves the rich.",
    "We are fighting for democracy in the Labour Party so that working-class voices, muffled by the New "
    "Labour machine and union bureaucracy, can be heard. We need a labour movement responsive and "
    "accessible to the working class in all its diversity, fighting bigotry and oppression. We oppose "
    "Labour’s shameful accommodation to anti-migrant agitation by UKIP and other right-wingers. British "
    "and migrant workers have the same interests. We support freedom of movement and equal rights for "
    "all. We want working-class solidarity across Europe and the world.",
    "In the run up to the election, we are building a network of socialists to carry out this fight. "
    "Help us, get involved!",
]

# The thank-you page's next steps: (slug of a page beside the statement, title, text).
NEXT_STEPS = [
    ("motion", "Take the motion to your branch", "Download the model motion, or invite a speaker to your meeting."),
    ("materials", "Order posters and leaflets", "Download them to print, or order printed copies for a stall."),
    ("events", "Find an event near you", "Meetings and street stalls, and how to add your own."),
]

# The unions the sign form offers (editors keep the list as snippets).
UNIONS = ["CWU", "FBU", "GMB", "NEU", "RMT", "UCU", "UNISON", "Unite", "Usdaw"]

# (kind, name, organisation, role, town, public, organisation type, union, region)
SIGNATURES = [
    ("organisation", "A. Secretary", "Anytown Trades Union Council", "Secretary", "Anytown", True,
     "trades-council", "", "north-west"),
    ("organisation", "B. Chair", "Northtown Labour Party branch", "Chair", "Northtown", True,
     "labour", "", "north-east"),
    ("organisation", "C. Organiser", "Students for a Fighting Labour Movement", "Organiser", "", True,
     "campaign", "", "london"),
    ("person", "Alex Example", "Unite Community", "", "Leeds", True, "", "", "yorkshire"),
    ("person", "Sam Demo", "", "", "South London", True, "", "", "london"),
    ("person", "Jo Sample", "UCU", "", "Sheffield", True, "", "", "yorkshire"),
    ("person", "Priya Placeholder", "", "", "Cardiff", False, "", "", "wales"),
    ("person", "Zoë Ñúñez", "Unison", "", "Glasgow", True, "", "", "scotland"),
    ("organisation", "D. Rep", "Eastport Unite branch", "Branch Secretary", "Eastport", True,
     "union", "Unite", "east"),
    ("organisation", "E. Officer", "Westvale CWU branch", "Branch Chair", "Westvale", True,
     "union", "CWU", "south-west"),
]  # fmt: skip

# The postcodes some demo signers gave (by their email), found in the demo's sample of the postcode
# lookup (core/places/demo.py, loaded first): only the constituency they lead to is kept, as signing keeps it.
POSTCODES = {
    "signer3@example.org": "WC1H 9BB",  # Students for a Fighting Labour Movement, London
    "signer4@example.org": "LS6 1AN",  # Alex Example, Leeds
    "signer5@example.org": "SE15 4ST",  # Sam Demo, South London
    "signer6@example.org": "S10 2TN",  # Jo Sample, Sheffield
    "signer7@example.org": "CF24 4HQ",  # Priya Placeholder, Cardiff
    "signer8@example.org": "G40 1AT",  # Zoë Ñúñez, Glasgow
}


def build(home):
    page = child_page(
        home,
        StatementPage,
        "statement",
        title=TITLE,
        standfirst=STANDFIRST,
        body="".join(f"<p>{paragraph}</p>" for paragraph in SEED_PARAGRAPHS),
        milestones="10, 50, 100, 500, 1000, 2000",
        share_text="I have signed the statement of the Socialist Campaign for a Labour Victory. Add your name:",
        show_in_menus=True,
    )
    unions = {name: Union.objects.get_or_create(name=name)[0] for name in UNIONS}
    if not page.signatures.exists():
        now = timezone.now()
        for number, row in enumerate(SIGNATURES):
            kind, name, organisation, role, town, public, organisation_type, union, region = row
            Signature(
                page=page,
                kind=kind,
                name=name,
                organisation=organisation,
                role=role,
                town=town,
                organisation_type=organisation_type,
                union=unions.get(union),
                region=region,
                email=f"signer{number + 1}@example.org",
                show_publicly=public,
                confirmed_at=now - timezone.timedelta(hours=number),
            ).save()
    place_signers(page)
    build_sources()
    outcomes_demo.build(page)  # whom it asks, a hand-in and a response, for its timeline
    return page


# The demo's named sources (code, name, kind, websites that may frame the sign form): a partner and a poster run.
SOURCES = [
    (
        "anytown-tuc",
        "Anytown Trades Union Council's website",
        NamedSource.Kind.PARTNER,
        "https://anytowntuc.example.org",
    ),
    ("poster", "The printed posters' QR code", NamedSource.Kind.POSTER, ""),
]


def build_sources():
    """Named sources, once, so the sources panel and a partner's embed have something to show."""
    for code, name, kind, origins in SOURCES:
        NamedSource.objects.get_or_create(code=code, defaults={"name": name, "kind": kind, "frame_origins": origins})


def place_signers(page):
    """Give the demo signers who gave a postcode its constituency, once (a demo built before the lookup too).

    Saved one by one, so each moves into its constituency's count as an organiser's edit would.
    """
    for signature in page.signatures.filter(email__in=POSTCODES, constituency=""):
        place = find_place(POSTCODES[signature.email])
        if place and place.constituency:
            signature.constituency = place.constituency
            signature.save()


def build_next_steps(home):
    """Point the statement's "What you can do next" at the demo's other pages, once they exist.

    Called after every app's builder (the statement is built first); the
    pages are found by their slugs under the home page, so this app imports
    none of the campaign apps. An editor's own next steps are left alone.
    """
    page = home.get_children().filter(slug="statement").first()
    page = page.specific if page else None
    if page is None or page.next_steps:
        return
    slugs = [slug for slug, _, _ in NEXT_STEPS]
    targets = {child.slug: child.pk for child in home.get_children().live().filter(slug__in=slugs)}
    steps = [
        {"type": "step", "value": {"title": title, "text": text, "page": targets[slug], "url": "", "link_text": ""}}
        for slug, title, text in NEXT_STEPS
        if slug in targets
    ]
    if steps:
        page.next_steps = json.dumps(steps)
        page.save_revision().publish()
