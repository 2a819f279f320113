"""Which websites may show a statement's embedded sign form: a partner's listed addresses, and no one else.

Every page of the site says `frame-ancestors 'none'` (and X-Frame-Options:
DENY), so no other site can frame it and trick a visitor into clicking in
it. The embed pages (statements/embeds.py) are the one exception, and only
for the partner the address names: an organiser lists the partner's
website addresses on its NamedSource (`frame_origins`, one per line), and
the embed answers with those as its `frame-ancestors`. A partner with no
address listed, or an address that is not a plain https origin, frames
nothing.

Why the view sets the Content-Security-Policy header itself rather than
through django-csp's decorators: the decorators leave a note on the
response for CSPMiddleware, which runs outside the page cache, so a page
served again from the cache would carry the site's `'none'`. A header set by
the view is part of the response the cache sees; CSPMiddleware leaves a
response's own header as it is. The rest of the policy is the site's own
(settings.CONTENT_SECURITY_POLICY), so the embed loads nothing the site's
pages may not.
"""

from django.conf import settings
from django.views.decorators.clickjacking import xframe_options_exempt

from .embed_origins import read_origin
from .models.sources import NamedSource

NOBODY = "'none'"


def frame_origins(source):
    """The origins a partner listed that may frame its embed, in order, each once; [] for none."""
    origins = (read_origin(line) for line in source.frame_origins.splitlines())
    return list(dict.fromkeys(origin for origin in origins if origin))


def partner_named(code):
    """The partner's website (a NamedSource of kind PARTNER) with this code, or None."""
    return NamedSource.objects.filter(code=code, kind=NamedSource.Kind.PARTNER).first()


def policy_framed_by(ancestors):
    """The site's Content-Security-Policy with `frame-ancestors` set to `ancestors` (sources as CSP writes them)."""
    directives = {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "frame-ancestors": ancestors}
    parts = []
    for name, value in directives.items():
        if value is True:
            parts.append(name)
        elif value:
            parts.append(" ".join([name, *value]))
    return "; ".join(parts)


def framed_for(response, partner):
    """Let the partner's listed websites (and no other) show `response` in a frame; returns the response.

    With no origin listed, `frame-ancestors 'none'` and X-Frame-Options
    DENY, as every other page. With origins, no X-Frame-Options at all:
    it has no way to name a list of sites, and browsers that read
    frame-ancestors ignore it anyway.
    """
    origins = frame_origins(partner) if partner is not None else []
    response["Content-Security-Policy"] = policy_framed_by(origins or [NOBODY])
    if origins:
        response = xframe_options_exempt(lambda: response)()  # Django's own decorator, on this one response
    return response
