"""The admin's two-factor pages: give the code from your authenticator app, or set one up.

Mounted under /admin/ by core/wagtail_hooks.py (so Wagtail lets in only
signed-in staff); core.staff_accounts decides who is sent here. Codes are checked by django-otp, which also slows down
repeated wrong codes for a device.
"""

from base64 import b32encode

import segno
from django import forms
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

APP_DEVICE_NAME = "Authenticator app"


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Six-digit code from your authenticator app",
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


def wanted_page(request):
    """The admin page first asked for, if it is on this site; else empty."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return wanted
    return ""


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(wanted_page(request) or "wagtailadmin_home")
        form.add_error("code", "That code did not match. Enter the newest code your app shows.")
    return render(request, "core/two_factor_verify.html", {"form": form, "next": wanted_page(request)})


@never_cache
@sensitive_post_parameters("code")
def setup(request):
    """Show a new key as a QR code; the first right code from the app confirms it."""
    if user_has_device(request.user, confirmed=True) and not request.user.is_verified():
        return redirect("staff_two_factor_verify")
    # Two requests at once (a prefetch and a click) may each make a key: use the oldest, never fail.
    unconfirmed = TOTPDevice.objects.filter(user=request.user, confirmed=False, name=APP_DEVICE_NAME)
    device = unconfirmed.order_by("pk").first() or unconfirmed.create(
        user=request.user, confirmed=False, name=APP_DEVICE_NAME
    )
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(wanted_page(request) or "wagtailadmin_home")
        form.add_error("code", "That code did not match. Check the key was added and enter the newest code.")
    context = {
        "form": form,
        "next": wanted_page(request),
        "qr_code": segno.make(device.config_url).svg_inline(scale=4, title="Key for your authenticator app"),
        "key": b32encode(device.bin_key).decode(),
        "has_device": user_has_device(request.user, confirmed=True),
    }
    return render(request, "core/two_factor_setup.html", context)
