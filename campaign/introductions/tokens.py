"""The introductions' signed links (core.signed_links): a member's own page of their group, and leaving it.

Both are bound to the member's address: anonymising the signature empties it, and every link ever sent
names nothing. They never expire (a group lasts as long as its members stay); leaving, unticking or
withdrawing the signature shuts the page (views.py checks the member is still active).
"""

from urllib.parse import urlencode, urljoin

from django.conf import settings
from django.urls import reverse
from wagtail.models import Site

from core.signed_links import SignedLink

from .models import Membership


def _address(member):
    return [member.signature.email_normalised]


MEMBER = SignedLink("introductions.member", Membership.objects.select_related("group", "signature"), _address)
LEAVE = SignedLink("introductions.leave", Membership.objects.select_related("group", "signature"), _address)


def base_url():
    """The default site's address (the job runs with no request), else PUBLIC_BASE_URL."""
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else settings.PUBLIC_BASE_URL


def group_page_url(member):
    return urljoin(base_url(), reverse("introductions:group", args=[MEMBER.make(member)]))


def leave_url(member):
    return urljoin(base_url(), reverse("introductions:leave")) + "?" + urlencode({"token": LEAVE.make(member)})
