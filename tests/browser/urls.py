"""The site's own URLs, plus pages that only tests reach.

A 429 and a 500 in the site's own look: no public form exists yet to trip
the rate limit for real, and nothing should fail on purpose in the site.
And the page a confirmation email's link opens, for a signer made on the
spot: the checks have no inbox to read the link from.
The demo server also serves uploaded media here (DEBUG is off there).
"""

import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import path, re_path
from django.views.static import serve

from config.urls import urlpatterns as site_urlpatterns
from statements.models import Signature, StatementPage
from statements.tokens import CONFIRM


def too_many_requests(request):
    """What core.protection.rate_limited shows a visitor over the limit."""
    return render(request, "429.html", {"retry_minutes": 60}, status=429)


def server_error(request):
    raise RuntimeError("A deliberate error, to show the 500 page")


def confirmation_link(request):
    """Redirect to the emailed confirmation link of a new, unconfirmed signature (one per visit, so never used)."""
    page = StatementPage.objects.live().order_by("path").first()
    signature = Signature.objects.create(page=page, name="Ada Lovelace", email=f"{uuid.uuid4().hex}@example.org")
    return redirect(f"{page.url}confirm/?" + urlencode({"token": CONFIRM.make(signature)}))


urlpatterns = [
    path("__test__/confirmation-link/", confirmation_link),
    path("__test__/too-many-requests/", too_many_requests),
    path("__test__/server-error/", server_error),
    *site_urlpatterns,
]

if getattr(settings, "SERVE_MEDIA", False):
    # The demo server (config/settings/browser.py) shows the posters' previews, as a web server would.
    media = re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    urlpatterns.insert(0, media)
