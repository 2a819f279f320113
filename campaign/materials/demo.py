"""Demo materials page: two posters drawn here, as PDF and PNG, with previews, each with the site's imprint."""

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from core.demo import child_page
from core.site_settings import site_settings_for

from .links import statement_full_url
from .models import Material, MaterialsPage
from .posters import draw_poster, poster_files

# (slug, title, slogan from the statement, description)
POSTERS = [
    (
        "labour-victory",
        "Poster: throw out the Tories",
        "Throw out the Tories! Fight for working-class demands",
        "An A4 poster for windows, notice boards and street stalls.",
    ),
    (
        "same-interests",
        "Poster: British and migrant workers",
        "British and migrant workers have the same interests",
        "An A4 poster for solidarity and freedom of movement.",
    ),
]


def make_poster_files(slug, title, slogan, url, campaign_name, imprint=""):
    """Create (or find, by title) the PDF document, PNG document and preview image of one poster."""
    Document, Image = get_document_model(), get_image_model()
    pdf_title, png_title = f"{title} (PDF)", f"{title} (PNG)"
    existing = {doc.title: doc for doc in Document.objects.filter(title__in=[pdf_title, png_title])}
    preview = Image.objects.filter(title=title).first()
    if len(existing) == 2 and preview is not None:
        return existing[pdf_title], existing[png_title], preview
    png, pdf = poster_files(draw_poster(campaign_name, slogan, "Sign the statement", url, imprint))
    pdf_doc = existing.get(pdf_title) or Document.objects.create(
        title=pdf_title, file=ContentFile(pdf, name=f"{slug}.pdf")
    )
    png_doc = existing.get(png_title) or Document.objects.create(
        title=png_title, file=ContentFile(png, name=f"{slug}.png")
    )
    if preview is None:
        preview = Image.objects.create(title=title, file=ImageFile(ContentFile(png), name=f"{slug}-preview.png"))
    return pdf_doc, png_doc, preview


def build(home):
    existing = home.get_children().filter(slug="materials").first()
    if existing is not None:
        return existing.specific
    site = home.get_site()
    url = statement_full_url(site)
    site_settings = site_settings_for(site=site)
    imprint = site_settings.imprint() if site_settings is not None else ""
    materials = []
    for slug, title, slogan, description in POSTERS:
        pdf_doc, png_doc, preview = make_poster_files(slug, title, slogan, url, site.site_name or home.title, imprint)
        materials.append(
            Material(title=title, description=description, preview=preview, document=pdf_doc, orderable=True)
        )
        materials.append(
            Material(
                title=f"{title} (image for social media)",
                description="The same poster as a picture to share online or print at home.",
                preview=preview,
                document=png_doc,
                orderable=False,
            )
        )
    return child_page(
        home,
        MaterialsPage,
        "materials",
        title="Materials",
        show_in_menus=True,
        intro="<p>Download posters and leaflets to print and copy, or order printed copies from us.</p>",
        order_intro="<p>Tell us what you need and where to send it. We will email you to confirm.</p>",
        materials=materials,
    )
