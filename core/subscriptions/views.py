"""The person's own pages, reached by signed links from emails, no login.

- "Your data": what the site holds about the address, with buttons to stop
  updates or withdraw entirely. GET only shows (mail scanners open links);
  the buttons POST.
- Unsubscribe: the List-Unsubscribe address. A mail program's one-click
  POST (RFC 8058: body `List-Unsubscribe=One-Click`, no cookies) stops
  updates at once, so it is exempt from CSRF: the signed token is what
  authorises it. A person's GET shows a button, as everywhere else.
- Confirming a consent given on a form that does not prove the address.
- Asking for updates with the footer's form (an address alone), which a
  confirming email then proves.

A tampered or cut-short link gets a page that says so (400), never an error.
"""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.cross_origin import cross_origin_protected
from core.protection import rate_limited
from core.signed_links import BadToken
from core.site_urls import site_url

from . import consent as consents
from . import holdings
from .forms import FORM_NAME, UpdatesSignupForm
from .models import Subscriber
from .tokens import CONSENT, read_person_token


def link_problem(request):
    return TemplateResponse(request, "core/subscriptions/link_problem.html", status=400)


def token_of(request):
    return (request.POST.get("token") or request.GET.get("token", "")).strip()


@never_cache
@require_http_methods(["GET", "POST"])
def your_data(request):
    try:
        email = read_person_token(token_of(request))
    except BadToken:
        return link_problem(request)
    done = None
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "stop":
            consents.stop(email)
            done = "stopped"
        elif action == "erase":
            holdings.erase(email)
            consents.forget(email)
            return TemplateResponse(request, "core/subscriptions/erased.html")
    subscriber = Subscriber.objects.filter(email=email).first()
    context = {
        "email": email,
        "token": token_of(request),
        "subscriber": subscriber,
        "consents": list(subscriber.consents.all()) if subscriber else [],
        "holdings": holdings.describe(email),
        "done": done,
    }
    return TemplateResponse(request, "core/subscriptions/your_data.html", context)


@csrf_exempt  # a mail program's one-click POST carries no cookie; the signed token authorises it
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request):
    try:
        email = read_person_token(token_of(request))
    except BadToken:
        return link_problem(request)
    if request.method == "POST":
        consents.stop(email)
        return TemplateResponse(request, "core/subscriptions/unsubscribed.html", {"token": token_of(request)})
    return TemplateResponse(request, "core/subscriptions/unsubscribe.html", {"token": token_of(request)})


@never_cache
@require_http_methods(["GET", "POST"])
def confirm_consent(request):
    try:
        consent = CONSENT.read(token_of(request))
    except BadToken:
        return link_problem(request)
    if request.method == "POST":
        consents.confirm(consent)
        return TemplateResponse(request, "core/subscriptions/consent_confirmed.html")
    return TemplateResponse(
        request, "core/subscriptions/confirm_consent.html", {"consent": consent, "token": token_of(request)}
    )


@cross_origin_protected  # a form in every cached page's footer: checked by origin, it carries no CSRF token
@never_cache
@require_http_methods(["GET", "POST"])
@rate_limited("updates", limit=10, period=3600)
def ask_for_updates(request):
    """The footer's form: an address asks for updates, and the email asking to confirm it goes out (double opt-in).

    Every valid address gets the same "check your inbox" page, on the list
    already or not, so the form tells nobody who subscribes. Its GET (and an
    invalid POST) shows the form on a page of its own, with any errors.
    """
    form = UpdatesSignupForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        consents.record_unconfirmed(
            form.cleaned_data["email"], str(FORM_NAME), form.wording_version, site_url(request, "/")
        )
        return redirect("updates_check_inbox")
    return TemplateResponse(request, "core/subscriptions/ask_for_updates.html", {"updates_form": form})


def updates_check_inbox(request):
    """The same for everyone (nothing about the address), so it is cacheable like any page."""
    return TemplateResponse(request, "core/subscriptions/check_inbox.html")
