"""The stall's pages: the code form, the sign form on the device, its JSON inbox, and its service worker.

Signing is authorised by the device's own cookie (campaign.stalls.devices), and its POSTs are checked by
origin, not a CSRF token, which a page reopened offline could not hold fresh. They are not rate-limited:
a stall signs many people from one device; its ceiling (campaign.stalls.ceiling) holds back the rest.
The key travels in the query string, which access logs drop, never the path.
"""

import json
import uuid
from urllib.parse import urlencode

from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.cross_origin import cross_origin_protected
from core.protection import rate_limited

from .ceiling import Ceiling
from .devices import admit, device_of, remember, signing_device
from .forms import CodeForm, StallSignForm
from .models import Stall
from .recording import take

MAX_BATCH = 200  # signatures in one JSON request: a day's stall, with room to spare
MAX_BODY = 1024 * 1024


def find_stall(key):
    if not key or len(key) > 64:
        return None
    return Stall.objects.select_related("event", "statement").filter(key=key).first()


def stall_by_id(value):
    """The stall a device's page or POST names by id (not a secret: the device's cookie is)."""
    try:
        pk = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    if not 0 < pk < 2**63:  # a column holds no larger id; PostgreSQL would refuse to compare one
        return None
    return Stall.objects.select_related("event", "statement").filter(pk=pk).first()


def opening_url(stall):
    """The link (and QR code) an organiser opens on the stall's device."""
    return reverse("stall") + "?" + urlencode({"key": stall.key})


def page_url(stall, **extra):
    """The stall's page on a device that opened it."""
    return reverse("stall") + "?" + urlencode({"stall": stall.pk, **extra})


def refuse_device(request, stall, why, status=403):
    return TemplateResponse(request, "stalls/refused.html", {"stall": stall, "why": why}, status=status)


NOT_THIS_DEVICE = _("This stall is not open on this device. Ask the organiser to let this device in.")
SHUT_OUT = _("An organiser has taken this device off the stall.")
FULL = _("This stall is already open on its device. Ask the organiser if another device should be let in.")


def open_on_device(request, stall):
    """The link or code was used: go to the stall's page if this device has it or may take a place; else refuse."""
    device = device_of(request, stall)
    if device is not None:
        return refuse_device(request, stall, SHUT_OUT) if device.is_shut_out else redirect(page_url(stall))
    if not stall.takes_devices():  # between a weekly stall's dates it lets the device in; its page says when
        return render_stall(request, stall, status=410)
    token = admit(request, stall)
    if token is None:
        return refuse_device(request, stall, FULL)
    return remember(redirect(page_url(stall)), request, stall, token)


def render_stall(request, stall, form=None, status=200, signed=False):
    context = {
        "stall": stall,
        "form": form or StallSignForm(),
        "signed": signed,
        "closed_reason": stall.closed_reason,
        "statement_closed": stall.statement.is_closed(),  # then the website takes no signatures either
        "total": stall.signed_count(),
        "entries_url": reverse("stall_entries"),
        "sign_url": reverse("stall_sign"),
        "worker_url": reverse("stall_worker"),
    }
    return TemplateResponse(request, "stalls/stall.html", context, status=status)


@never_cache  # the device's page: never in a shared cache, and no back button showing the last signer
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limited("stall_code", limit=20, period=3600)
def stall(request):
    """?key= opens the stall on this device and ?stall=<id> is its page there; alone, it asks for the short code."""
    if request.method == "GET" and "key" in request.GET:
        found = find_stall(request.GET["key"])
        if found is None:
            return TemplateResponse(request, "stalls/unknown.html", status=404)
        return open_on_device(request, found)
    if request.method == "GET" and "stall" in request.GET:
        found = stall_by_id(request.GET["stall"])
        if found is None:
            return TemplateResponse(request, "stalls/unknown.html", status=404)
        device = device_of(request, found)
        if device is None or device.is_shut_out:
            return refuse_device(request, found, SHUT_OUT if device else NOT_THIS_DEVICE)
        return render_stall(request, found, signed=request.GET.get("signed") == "1")
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        return open_on_device(request, form.stall)
    return TemplateResponse(request, "stalls/code.html", {"form": form}, status=400 if form.errors else 200)


@cross_origin_protected  # authorised by the device's cookie; see the module's docstring
@never_cache
@require_POST
def sign(request):
    """The sign form without JavaScript: a normal POST, then back to an empty form saying thank you."""
    found = stall_by_id(request.POST.get("stall"))
    if found is None:
        return TemplateResponse(request, "stalls/unknown.html", status=404)
    device = signing_device(request, found)
    if device is None:
        return refuse_device(request, found, NOT_THIS_DEVICE)
    if not found.is_open():
        return render_stall(request, found, status=410)
    form = StallSignForm(request.POST)
    if not form.is_valid():
        return render_stall(request, found, form=form, status=400)
    data = form.cleaned_data
    data["entry"] = data.get("entry") or uuid.uuid4()
    take(found, data, request, device=device, ceiling=Ceiling(found))
    return redirect(page_url(found, signed=1))


@cross_origin_protected  # authorised by the device's cookie; see the module's docstring
@never_cache
@require_POST
def entries(request):
    """The device's batch {"stall": id, "entries": [...]}: answers the ids "received" and "refused" (with reasons).

    The device forgets both; on a 403 or 410 it keeps its signatures and shows the reason.
    """
    if len(request.body) > MAX_BODY:
        return JsonResponse({"error": gettext("Too much at once: send fewer signatures.")}, status=413)
    try:
        payload = json.loads(request.body)
        batch = payload["entries"]
        found = stall_by_id(payload["stall"])
    except (ValueError, KeyError, TypeError, RecursionError):  # RecursionError: JSON nested thousands deep
        return JsonResponse({"error": gettext("This is not what the stall's page sends.")}, status=400)
    if found is None:
        return JsonResponse({"error": gettext("This stall link is not known.")}, status=404)
    device = signing_device(request, found)
    if device is None:
        return JsonResponse({"error": str(NOT_THIS_DEVICE)}, status=403)
    if not found.takes_late_entries():
        return JsonResponse({"error": found.closed_reason, "closed": True}, status=410)
    if not isinstance(batch, list) or len(batch) > MAX_BATCH:
        return JsonResponse(
            {"error": gettext("Send a list of at most %(most)s signatures.") % {"most": MAX_BATCH}}, status=400
        )
    received, refused, ceiling = [], {}, Ceiling(found)
    for item in batch:
        form = StallSignForm(item if isinstance(item, dict) else {})
        entry = form.data.get("entry")
        if not form.is_valid() or form.cleaned_data["entry"] is None:
            if isinstance(entry, str) and len(entry) <= 64:
                refused[entry] = [error for errors in form.errors.values() for error in errors] or [gettext("No id.")]
            continue
        take(found, form.cleaned_data, request, device=device, ceiling=ceiling)
        received.append(str(form.cleaned_data["entry"]))
    return JsonResponse({"received": received, "refused": refused, "total": found.signed_count()})


@require_GET
def service_worker(request):
    """The stall's service worker, at /stall/sw.js so that its scope covers /stall/.

    Not under /static/: a worker's address must stay the same between releases, which hashed names do not.
    """
    response = HttpResponse(render_to_string("stalls/sw.js"), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response
