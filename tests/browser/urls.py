"""The site's own URLs, plus pages that only tests reach.

A 429 and a 500 in the site's own look: no public form exists yet to trip
the rate limit for real, and nothing should fail on purpose in the site.
And the pages a confirmation or withdraw email's link opens, for a signer
made on the spot (the checks have no inbox to read the link from), and the
sign form shown back while the database is down (core.database_outage).
Both test servers also serve uploaded media here (DEBUG is off there).
"""

import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import path, re_path
from django.utils import timezone
from django.views.static import serve

from config.urls import urlpatterns as site_urlpatterns
from statements import signing
from statements.models import Signature, StatementPage
from statements.tokens import CONFIRM, WITHDRAW
from statements.views import sign_unavailable


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


def withdraw_link(request):
    """Redirect to the withdraw link of a new, confirmed signer who asked for updates (the page asks about them)."""
    page = StatementPage.objects.live().order_by("path").first()
    signature = Signature.objects.create(
        page=page,
        name="Ada Lovelace",
        email=f"{uuid.uuid4().hex}@example.org",
        keep_informed=True,
        confirmed_at=timezone.now(),
    )
    signing.record_consent(signature)
    return redirect(f"{page.url}withdraw/?" + urlencode({"token": WITHDRAW.make(signature)}))


def database_down(request):
    """What a signing answers while the database refuses connections (with nothing typed: a GET)."""
    response = sign_unavailable(request)
    response.status_code = 503
    return response


urlpatterns = [
    path("__test__/confirmation-link/", confirmation_link),
    path("__test__/withdraw-link/", withdraw_link),
    path("__test__/sign-unavailable/", database_down),
    path("__test__/too-many-requests/", too_many_requests),
    path("__test__/server-error/", server_error),
    *site_urlpatterns,
]


def media(request, path):
    """Uploaded files from MEDIA_ROOT as it is now (a test may swap it), as a web server would serve them.

    Without it, each picture the admin's image chooser lists is a 404 page, and
    concurrent 404 pages race to make the logo's rendition on the live server's
    one shared database connection.
    """
    return serve(request, path, document_root=settings.MEDIA_ROOT)


# The demo server (config/settings/browser.py) and the live server show uploaded pictures and posters.
urlpatterns.insert(0, re_path(r"^media/(?P<path>.*)$", media))
