"""Protection shared by every public form: a honeypot field and a per-IP rate limit.

The rate limit counts in the cache (Redis when REDIS_URL is set), so every app
server shares one count per visitor. A visitor over the limit gets a polite
"try again later" page with status 429, never an error.
"""

from functools import wraps

from django import forms
from django.conf import settings
from django.shortcuts import render
from django.utils import timezone

from .cache import count_in_window

HONEYPOT_FIELD = "website"


class HoneypotFormMixin(forms.Form):
    """Adds a field people never see (hidden by CSS) but form-filling robots do.

    A filled-in honeypot makes the form invalid with a neutral message, so a
    person whose browser auto-filled it by mistake still learns what happened.
    """

    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_website(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError("Please leave this field empty.")
        return ""


def client_ip(request):
    """The visitor's address; trusts X-Forwarded-For only behind a known number of proxies."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "unknown")


def hit(scope, key, limit, period):
    """Count one attempt; return True while the caller is within `limit` per `period` seconds."""
    window = int(timezone.now().timestamp()) // period
    return count_in_window(f"ratelimit:{scope}:{key}:{window}", period + 5) <= limit


def rate_limited(scope, limit=None, period=None):
    """Limit POSTs to a view per client IP; GETs are never counted.

    Limits come from settings.RATE_LIMITS[scope] = (limit, period seconds)
    unless given, so a campaign can loosen them for a surge without code.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST":
                max_hits, seconds = settings.RATE_LIMITS.get(scope, (limit or 10, period or 3600))
                if not hit(scope, client_ip(request), max_hits, seconds):
                    return render(request, "429.html", {"retry_minutes": max(1, seconds // 60)}, status=429)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
