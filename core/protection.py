"""Protection shared by every public form: a honeypot field, a per-network rate limit, a per-address limit.

The limits count in the cache (Redis when REDIS_URL is set), so every app
server shares one count per visitor. A visitor over the limit gets a polite
"try again later" page with status 429, never an error. A form that must
never turn a real person away (signing) sets its limit as a ceiling far
above any meeting on one Wi-Fi, and holds back below it instead
(`network_key` and `count_this_period` give it what it needs).
"""

import ipaddress
import logging
from dataclasses import dataclass
from functools import wraps

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from .cache import count_in_windows

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "website"

# Set once this process has warned that X-Forwarded-For arrives while TRUSTED_PROXY_COUNT is 0.
_proxy_warning = {"given": False}


class HoneypotFormMixin(forms.Form):
    """Adds a field people never see (hidden by CSS) but form-filling robots do.

    A filled-in honeypot makes the form invalid with a neutral message, so a
    person whose browser auto-filled it by mistake still learns what happened.
    """

    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_website(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(_("Please leave this field empty."))
        return ""


def client_ip(request):
    """The visitor's address; trusts X-Forwarded-For only behind a known number of proxies.

    Requests that carry X-Forwarded-For while TRUSTED_PROXY_COUNT is 0 usually
    mean a load balancer nobody told the site about: every visitor then has
    the balancer's address and shares one limit. The log says so, once per process.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and not proxies and not _proxy_warning["given"]:
        _proxy_warning["given"] = True
        logger.warning(
            "requests carry X-Forwarded-For but TRUSTED_PROXY_COUNT is 0: every visitor behind the proxy "
            "shares one address for the rate limits; set TRUSTED_PROXY_COUNT to the number of proxies"
        )
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "unknown")


def network_of(ip):
    """What a rate limit counts: an IPv4 address itself, an IPv6 address's /64 network.

    One IPv6 subscriber (a home, a phone, a rented server) is usually given a
    whole /64, so counting single IPv6 addresses would give them billions of
    tries. An IPv4 address written as IPv6 (::ffff:a.b.c.d) counts as itself.
    Anything that is not an address is counted as it is.
    """
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((int(address) >> 64 << 64, 64)))
    return str(address)


def network_key(request):
    """A keyed hash of the visitor's network (see `network_of`): groups signatures by network, never names it.

    Keyed with SECRET_KEY, so a leaked database or cache cannot be turned back
    into addresses by hashing all four billion IPv4 addresses.
    """
    network = network_of(client_ip(request))
    return salted_hmac("core.protection.network_key", network).hexdigest()[:32]


def first_in_interval(scope, address, seconds):
    """True the first time `address` (an email address) is seen in `scope` within `seconds`; False after that.

    The cache key holds a keyed hash of the address, never the address.
    """
    digest = salted_hmac("core.protection.first_in_interval", address.strip().lower()).hexdigest()[:32]
    return cache.add(f"once:{scope}:{digest}", 1, seconds)


def count_this_period(scope, key, period):
    """Count one more event for `key` in `scope` within the current fixed window of `period` seconds; return the count.

    The count passes any given number exactly once per window, which is how
    a caller does something "once an hour per group" without a second key.
    """
    return count_each_this_period([(scope, key, period)])[0]


def count_each_this_period(counters):
    """`count_this_period` for several (scope, key, period) counters, in one round trip to the cache."""
    now = int(timezone.now().timestamp())
    return count_in_windows([(f"{scope}:{key}:{now // period}", period + 5) for scope, key, period in counters])


@dataclass(frozen=True)
class RateLimit:
    """A form's limit: at most `most` POSTs from one network in `period` seconds.

    settings.RATE_LIMITS[scope] = (most, period) wins over the defaults the
    code gives, so a campaign can loosen a limit for a surge without code.
    """

    scope: str
    most: int
    period: int

    @classmethod
    def of(cls, scope, most=None, period=None):
        most, period = settings.RATE_LIMITS.get(scope, (most or 10, period or 3600))
        return cls(scope, most, period)

    def counter(self, request):
        """The (scope, key, period) a POST from this request counts against (count_each_this_period)."""
        return (f"ratelimit:{self.scope}", network_of(client_ip(request)), self.period)

    def allows(self, count):
        return count <= self.most

    def refusal(self, request):
        """The polite "try again later" page, status 429."""
        return render(request, "429.html", {"retry_minutes": max(1, self.period // 60)}, status=429)


def allow_attempt(request, limit):
    """Count one attempt from this request against `limit` (a RateLimit); True while it is within the limit."""
    return limit.allows(count_this_period(*limit.counter(request)))


def rate_limited(scope, limit=None, period=None):
    """Limit POSTs to a view per client IPv4 address or IPv6 /64 network; GETs are never counted.

    `limit` and `period` are the defaults for a scope the settings do not
    name (RateLimit.of).
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST":
                rate_limit = RateLimit.of(scope, limit, period)
                if not allow_attempt(request, rate_limit):
                    return rate_limit.refusal(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
