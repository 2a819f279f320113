"""The site's own URLs, plus pages that only tests reach.

A 429 and a 500 in the site's own look: no public form exists yet to trip
the rate limit for real, and nothing should fail on purpose in the site.
"""

from django.shortcuts import render
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def too_many_requests(request):
    """What home.protection.rate_limited shows a visitor over the limit."""
    return render(request, "429.html", {"retry_minutes": 60}, status=429)


def server_error(request):
    raise RuntimeError("A deliberate error, to show the 500 page")


urlpatterns = [
    path("__test__/too-many-requests/", too_many_requests),
    path("__test__/server-error/", server_error),
    *site_urlpatterns,
]
