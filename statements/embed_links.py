"""The code a partner copies onto its website, and the same code by oEmbed for sites that ask for it.

`embed_snippet(source, statement)` is the `<iframe>` an organiser hands a
partner (the admin shows it beside each partner's website). `/oembed/`
answers the oEmbed question "how do I embed this address?" (oembed.com),
which WordPress and other site builders ask when someone pastes a link: the
statement's address with the partner's `?src=` code (the link organisers
already hand out), or the embed's own address, gives the partner's frame.
Without a partner's code there is no frame to give: no one else may show it.
"""

from urllib.parse import parse_qs, urlsplit

from django.http import Http404, HttpResponse, JsonResponse
from django.urls import Resolver404, resolve
from django.utils.html import format_html
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from core.pages import serve_beside_page
from core.site_settings import site_settings_for
from core.site_urls import site_url

from .embed_partners import partner_named
from .embeds import STATEMENT, embed_path

# The frames' sizes: the form scrolls inside its frame on a small screen; the count fits its own.
SIZES = {"form": (480, 900), "count": (320, 340)}
URL_NAMES = {"form": "statement_embed", "count": "statement_embed_count"}
MAX_URL_LENGTH = 2000


def embed_url(source, statement, request=None, variant="form"):
    """The whole address of the partner's frame of `statement` (variant "form" or "count")."""
    path = embed_path(URL_NAMES[variant], source, statement, request)
    return site_url(request, path) if request is not None else statement.get_site().root_url + path


def embed_snippet(source, statement, request=None, variant="form", width=None, height=None):
    """The `<iframe>` a partner pastes into its page: the statement's title as its name for screen readers.

    The width is a maximum (it shrinks to fit a phone); the form scrolls
    inside its frame when it is taller.
    """
    default_width, default_height = SIZES[variant]
    title = f"Sign: {statement.title}" if variant == "form" else f"Signatures so far: {statement.title}"
    return format_html(
        '<iframe src="{}" title="{}" width="{}" height="{}" style="border:0;max-width:100%" loading="lazy"></iframe>',
        embed_url(source, statement, request, variant),
        title,
        width or default_width,
        height or default_height,
    )


def partner_and_path(url, request):
    """(partner, statement's path, variant) that an address names on this site, or Http404.

    An embed's own address names them all; a statement's address names its
    partner by `?src=`. Any other host, or a code that is no partner's, names nothing.
    """
    if len(url) > MAX_URL_LENGTH:
        raise Http404
    try:
        parts = urlsplit(url)
    except ValueError:  # an address no browser could open, such as http://[x/
        raise Http404 from None
    if parts.netloc and parts.netloc.lower() != request.get_host().lower():
        raise Http404
    try:
        match = resolve(parts.path or "/")
    except Resolver404:
        raise Http404 from None
    variants = {name: variant for variant, name in URL_NAMES.items()}
    if match.url_name in variants:
        code, path, variant = match.kwargs["code"], match.kwargs["path"], variants[match.url_name]
    else:
        code, path, variant = parse_qs(parts.query).get("src", [""])[0], parts.path.strip("/"), "form"
    partner = partner_named(code) if code else None
    if partner is None or not path:
        raise Http404
    return partner, path, variant


def whole_number(value):
    """A positive whole number from the query (maxwidth, maxheight), else None."""
    if not (value.isascii() and value.isdigit() and len(value) <= 6):  # "²" is a digit int() refuses
        return None
    return int(value) if 0 < int(value) < 100_000 else None


@require_safe
@cache_control(public=True, max_age=3600)
def oembed(request):
    """The oEmbed answer (JSON, type "rich") for a statement's address with a partner's code; 404 otherwise."""
    if request.GET.get("format", "json") != "json":
        return HttpResponse("Only format=json is offered.", status=501, content_type="text/plain")
    partner, path, variant = partner_and_path(request.GET.get("url", ""), request)
    default_width, default_height = SIZES[variant]
    width = min(default_width, whole_number(request.GET.get("maxwidth", "")) or default_width)
    height = min(default_height, whole_number(request.GET.get("maxheight", "")) or default_height)

    def answer(request, page):
        site_settings = site_settings_for(request)
        return JsonResponse(
            {
                "version": "1.0",
                "type": "rich",
                "title": page.title,
                "provider_name": site_settings.campaign_name if site_settings else "",
                "provider_url": site_url(request, "/"),
                "html": embed_snippet(partner, page, request, variant, width, height),
                "width": width,
                "height": height,
                "cache_age": 3600,
            }
        )

    return serve_beside_page(request, path, STATEMENT, answer)
