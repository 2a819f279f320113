"""Demo content for the home app: the home page, site settings, privacy notice.

Every builder only creates what is missing, so running the loader again never
overwrites an editor's changes and never duplicates a page.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Page, Site

from core.demo import child_page

from .models import ContentPage, HomePage, SiteSettings

CAMPAIGN_NAME = "Socialist Campaign for a Labour Victory"

INTRO = (
    "<p>In the general election we are campaigning to throw out the Tories and for a Labour "
    "victory, while working for labour movement pressure on the Labour Party to win "
    "working-class demands, and getting a clear socialist message out there: class-struggle, "
    "internationalist, pro-migrant.</p>"
    "<p>We are calling on all socialists and those who want to see a fighting labour movement "
    "to support the campaign.</p>"
)

# The "What you can do" list: (title, text, slug of the page it links to).
ACTIONS = [
    ("Sign the statement", "Add your or your organisation’s name to the statement.", "statement"),
    (
        "Put a motion to your branch",
        "Put a motion to your trade union branch or organisation and invite a speaker.",
        "motion",
    ),
    (
        "Print or order materials",
        "Order, or print and copy, posters and leaflets to use in the run-up to the election.",
        "materials",
    ),
    ("Organise an activity", "Organise a meeting, street stall or other activity.", "events"),
    ("Get involved", "Join the network of socialists carrying out this fight.", "get-involved"),
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
        return site.root_page.specific
    root = Page.get_first_root_node()
    home = HomePage(title="Support the campaign", slug="home-page", intro=INTRO, show_in_menus=False)
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


def build_actions(home):
    """Fill the "What you can do" list once, linking to whichever demo pages exist."""
    if home.actions:
        return
    pages = {page.slug: page for page in home.get_children().live().specific()}
    actions = []
    for title, text, slug in ACTIONS:
        page = pages.get(slug)
        if page is not None:
            actions.append(("action", {"title": title, "text": text, "page": page}))
    site_settings = SiteSettings.for_site(home.get_site())
    if site_settings.facebook_url:
        actions.append(
            (
                "action",
                {
                    "title": "Like the Facebook page",
                    "text": "Like the Facebook page and invite your friends.",
                    "url": site_settings.facebook_url,
                },
            )
        )
    home.actions = actions
    home.save_revision().publish()
