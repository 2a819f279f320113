"""Staff sign-in: who must give a second factor, and what a locked-out person sees.

The admin holds special-category data (who signed a political statement), so staff get more than a
password: a TOTP second factor (django-otp; core.two_factor_views, as wagtail-2fa does not run on Wagtail 8),
compulsory per STAFF_2FA_REQUIRED and STAFF_2FA_REQUIRED_PERMISSIONS; and django-axes pausing sign-in after
repeated wrong passwords, per username from one network and, past a higher limit, from anywhere.
"""

import ipaddress
import math
from urllib.parse import urlencode

import django_otp
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from .protection import client_ip, network_of

# Admin pages an unverified staff member may still open: signing in and out, the two-factor pages.
OPEN_WITHOUT_SECOND_FACTOR = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "staff_two_factor_verify",
    "staff_two_factor_setup",
}


def must_use_two_factor(user):
    """True when this signed-in user may not use the admin without a second factor."""
    if settings.STAFF_2FA_REQUIRED:
        return True
    return any(user.has_perm(permission) for permission in settings.STAFF_2FA_REQUIRED_PERMISSIONS)


class StaffTwoFactorMiddleware:
    """Send staff who owe a second factor to give it (or set it up) before any other admin page.

    Runs after django-otp's OTPMiddleware (`user.is_verified()`). Only admin addresses are guarded:
    public pages show staff nothing they hold.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.second_factor_needed(request) or self.get_response(request)

    def second_factor_needed(self, request):
        admin = reverse("wagtailadmin_home")
        user = request.user
        if not request.path.startswith(admin) or not user.is_authenticated or user.is_verified():
            return None
        try:
            if resolve(request.path_info).url_name in OPEN_WITHOUT_SECOND_FACTOR:
                return None
        except Resolver404:
            return None
        if django_otp.user_has_device(user, confirmed=True):
            page = "staff_two_factor_verify"
        elif must_use_two_factor(user):
            page = "staff_two_factor_setup"
        else:
            return None
        return redirect(f"{reverse(page)}?{urlencode({'next': request.get_full_path()})}")


def sign_in_address(request):
    """The network django-axes counts failures from (`network_of`: an IPv6 /64 as its first address).

    None without a valid address (a request made in code): PostgreSQL's inet column would refuse "unknown".
    """
    try:
        return str(ipaddress.ip_network(network_of(client_ip(request))).network_address)
    except ValueError:
        return None


def lockout_parameters(request, credentials=None):
    """What django-axes locks: a username from one network; past STAFF_USERNAME_FAILURE_LIMIT, from anywhere.

    The second slows a guesser moving between networks, at the cost of pausing the real person too.
    """
    stored = isinstance(request, AccessAttempt)  # axes' cache handler asks with a stored attempt
    username = request.username if stored else get_client_username(request, credentials)
    since = timezone.now() - get_cool_off(request)
    if username and failures_of(username, since) >= settings.STAFF_USERNAME_FAILURE_LIMIT:
        return [["username", "ip_address"], "username"]
    return [["username", "ip_address"]]


def failures_of(username, since):
    """Wrong passwords given for this username from any network since then (axes' own records)."""
    attempts = AccessAttempt.objects.filter(username=username, attempt_time__gte=since)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout answer: a polite admin page, status 429 (Too Many Requests)."""
    minutes = math.ceil(get_cool_off(request).total_seconds() / 60)
    return render(request, "core/staff_locked_out.html", {"minutes": minutes}, status=429)
