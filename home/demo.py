"""Demo content for the home app: the home page, site settings, privacy notice.

Every builder only creates what is missing, so running the loader again never
overwrites an editor's changes and never duplicates a page.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from core.demo import child_page

from .demo_art import draw_hero, draw_logo, jpeg_bytes, png_bytes
from .models import ContentPage, HomePage, SiteSettings

CAMPAIGN_NAME = "Socialist Campaign for a Labour Victory"
BRAND_COLOUR = "#b0001e"
LOGO_TITLE = "Demo logo"
HERO_TITLE = "Demo hero picture"
# The home page's headline: the statement's demand, in its own words (statements/demo.py), not "support us".
HEADLINE = "Throw out the Tories: for a Labour victory and working-class demands"
# The headline the demo gave the home page before; a home page still titled so takes the new one.
OLD_HEADLINE = "Support the campaign"
HERO_ALT = "A drawing of a crowd holding placards: Labour victory, Tories out, Fight for our class."

INTRO = (
    "<p>In the general election we are campaigning to throw out the Tories and for a Labour "
    "victory, while working for labour movement pressure on the Labour Party to win "
    "working-class demands, and getting a clear socialist message out there: class-struggle, "
    "internationalist, pro-migrant.</p>"
    "<p>We are calling on all socialists and those who want to see a fighting labour movement "
    "to support the campaign.</p>"
)

# The "What you can do" list: (title, text, slug of the page it links to, icon).
ACTIONS = [
    ("Sign the statement", "Add your or your organisation’s name to the statement.", "statement", "pen"),
    (
        "Put a motion to your branch",
        "Put a motion to your trade union branch or organisation and invite a speaker.",
        "motion",
        "megaphone",
    ),
    (
        "Print or order materials",
        "Order, or print and copy, posters and leaflets to use in the run-up to the election.",
        "materials",
        "printer",
    ),
    ("Organise an activity", "Organise a meeting, street stall or other activity.", "events", "calendar"),
    ("Get involved", "Join the network of socialists carrying out this fight.", "get-involved", "people"),
]

PRIVACY = (
    "<h2>What we keep</h2><p>When you sign the statement, order materials or contact us, we keep "
    "what you tell us so that we can do what you asked. Your email address is never shown publicly.</p>"
    "<h2>Your choices</h2><p>Your name is shown only if you ask for it to be. We contact you again "
    "only if you agree. Every email we send has a link to withdraw your signature and delete your "
    "details.</p><h2>Unconfirmed signatures</h2><p>Signatures that are never confirmed are deleted "
    "after a short time.</p>"
)


def public_address():
    """(hostname, port) of settings.PUBLIC_BASE_URL, for the Site that QR codes and the sitemap name."""
    url = urlsplit(settings.PUBLIC_BASE_URL)
    return url.hostname or "localhost", url.port or (443 if url.scheme == "https" else 80)


def build_home():
    """Make a HomePage the root of the default site, replacing Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, HomePage):
        return retitle(site.root_page.specific)
    root = Page.get_first_root_node()
    home = HomePage(title=HEADLINE, slug="home-page", intro=INTRO, show_in_menus=False)
    root.add_child(instance=home)
    home.save_revision().publish()
    hostname, port = public_address()
    if site is None:
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True, site_name=CAMPAIGN_NAME)
    else:
        old_root = site.root_page
        site.root_page = home
        site.site_name = CAMPAIGN_NAME
        site.hostname, site.port = hostname, port  # Wagtail's first site is localhost:80
        site.save()
        if old_root.depth > 1 and not old_root.get_children().exists():
            old_root.delete()
    return home


def retitle(home):
    """Give a demo home page still under the old headline the statement's demand; an editor's title stays."""
    if home.title == OLD_HEADLINE:
        home.title = HEADLINE
        home.save_revision().publish()
    return home


def build_settings(home):
    site = home.get_site()
    site_settings = SiteSettings.for_site(site)
    if site_settings.contact_email:
        return site_settings
    privacy = child_page(home, ContentPage, "privacy", title="Privacy notice", body=PRIVACY)
    site_settings.campaign_name = CAMPAIGN_NAME
    site_settings.tagline = "Throw out the Tories. Fight for working-class demands."
    site_settings.contact_email = "info@example.org"
    site_settings.phone = "07700 900123"
    site_settings.facebook_url = "https://www.facebook.com/example"
    site_settings.footer_text = (
        "A network of socialists campaigning for a Labour victory and a fighting labour movement."
    )
    site_settings.privacy_page = privacy
    site_settings.save()
    return site_settings


# Short names in the main menu for pages whose titles are long: {slug: menu title}.
MENU_TITLES = {"statement": "Sign the statement", "where-people-signed": "Where people signed"}


def build_menu_titles(home):
    """Give the demo's long-titled pages a short menu title, once (an editor's list is never replaced)."""
    site_settings = SiteSettings.for_site(home.get_site())
    if site_settings.menu_titles:
        return
    pages = {page.slug: page for page in home.get_children().live()}
    site_settings.menu_titles = [
        ("menu_title", {"page": pages[slug], "title": title}) for slug, title in MENU_TITLES.items() if slug in pages
    ]
    site_settings.save()


def build_actions(home):
    """Fill the "What you can do" list once, linking to whichever demo pages exist."""
    if home.actions:
        return
    pages = {page.slug: page for page in home.get_children().live().specific()}
    actions = []
    for title, text, slug, icon in ACTIONS:
        page = pages.get(slug)
        if page is not None:
            actions.append(("action", {"title": title, "text": text, "page": page, "icon": icon}))
    site_settings = SiteSettings.for_site(home.get_site())
    if site_settings.facebook_url:
        actions.append(
            (
                "action",
                {
                    "title": "Like the Facebook page",
                    "text": "Like the Facebook page and invite your friends.",
                    "url": site_settings.facebook_url,
                    "icon": "heart",
                },
            )
        )
    home.actions = actions
    home.save_revision().publish()


def demo_image(title, filename, make_bytes):
    """The demo's image with this title, drawn and saved the first time; (image, created)."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing, False
    return Image.objects.create(title=title, file=ImageFile(ContentFile(make_bytes()), name=filename)), True


def build_look(home):
    """The logo, the brand colour and the home page's hero picture, drawn once.

    Each is set only when its picture is first drawn, so an editor who later
    removes the logo or the hero picture, or changes the colour, keeps their choice.
    """
    site_settings = SiteSettings.for_site(home.get_site())
    logo, created = demo_image(
        LOGO_TITLE, "demo-logo.png", lambda: png_bytes(draw_logo(["SOCIALIST CAMPAIGN", "FOR A LABOUR VICTORY"]))
    )
    if created:
        site_settings.logo = logo
        site_settings.brand_colour = BRAND_COLOUR
        site_settings.save()
    slogans = ["LABOUR VICTORY", "TORIES OUT", "FIGHT FOR OUR CLASS"]
    hero, created = demo_image(
        HERO_TITLE, "demo-hero.jpg", lambda: jpeg_bytes(draw_hero(site_settings.brand_colour, slogans))
    )
    if created:
        home.hero_image = hero
        home.hero_alt = HERO_ALT
        home.save_revision().publish()
