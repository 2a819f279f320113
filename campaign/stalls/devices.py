"""Which devices sign at a stall: its link or code admits up to `devices_allowed` of them, then is spent.

An admitted device keeps a secret in a cookie (only its hash is stored), so
the stall's pages and its two POSTs know it; a code read over a shoulder or
a link forwarded on opens nothing once the stall has its devices. Organisers
see each device in the admin and may shut one out.
"""

import re
import secrets

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from .models import SYNC_GRACE, Stall, StallDevice, hash_token

MAX_TOKEN = 100
BROWSERS = (("Edg/", "Edge"), ("Firefox/", "Firefox"), ("SamsungBrowser/", "Samsung Internet"), ("Chrome/", "Chrome"))
SYSTEMS = (("iPad", "iPad"), ("iPhone", "iPhone"), ("Android", "Android"), ("Windows", "Windows"), ("Mac OS", "Mac"))


def cookie_name(stall):
    return f"stall-{stall.pk}"


def describe(user_agent):
    """A short, unidentifying name for a device ("Chrome on Android"), so organisers can tell theirs apart."""
    browser = next((name for token, name in BROWSERS if token in user_agent), "")
    if not browser and re.search(r"Version/[\d.]+.*Safari/", user_agent):
        browser = "Safari"
    system = next((name for token, name in SYSTEMS if token in user_agent), "")
    return " on ".join(part for part in (browser or "A browser", system) if part)[:100]


def device_of(request, stall):
    """The device this request comes from, if it opened `stall` (shut out or not); else None."""
    token = request.COOKIES.get(cookie_name(stall), "")
    if not token or len(token) > MAX_TOKEN:
        return None
    return StallDevice.objects.filter(stall=stall, token_hash=hash_token(token)).first()


def signing_device(request, stall):
    """The device, if it may sign at `stall` now; its last sighting is noted for organisers."""
    device = device_of(request, stall)
    if device is None or device.is_shut_out:
        return None
    StallDevice.objects.filter(pk=device.pk).update(last_seen_at=timezone.now())
    return device


def admit(request, stall):
    """Open `stall` on this device if it has room for one more; the secret for its cookie, or None.

    The stall's row is locked while counting, so two devices opening the
    same code at once cannot both take its last place.
    """
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        Stall.objects.select_for_update().filter(pk=stall.pk).first()
        if stall.devices.filter(shut_out_at__isnull=True).count() >= stall.devices_allowed:
            return None
        StallDevice.objects.create(
            stall=stall, token_hash=hash_token(token), browser=describe(request.headers.get("User-Agent", ""))
        )
    return token


def remember(response, request, stall, token):
    """The device's cookie: for the stall's pages only, until the stall takes no more late entries.

    The pages are those of the language the device opened the stall in (/stall/, or /cy/stall/ in Welsh: the
    address says the language, core.languages), where its page sends what it takes; a browser would not send a
    cookie of /stall/ to /cy/stall/.
    """
    lifetime = stall.closes_at + SYNC_GRACE - timezone.now()
    response.set_cookie(
        cookie_name(stall),
        token,
        max_age=max(int(lifetime.total_seconds()), 0),
        path=reverse("stall"),
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",  # sent when the link is opened from a QR code's camera app, never on another site's POST
    )
    return response
