"""Emailing an update from the admin: compose (preview, test, count), confirm the count, send, follow its progress.

Only users with `news.send_update` reach these screens. Every change is a
POST. "Send" first asks to confirm the number of recipients; the confirmed
number goes back with the confirmation, and if the audience has grown or
shrunk since, the new number is asked about again, so nobody sends to more
people than they agreed to.
"""

from anymail.exceptions import AnymailError
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from core.languages import original_of

from . import audience, sending, update_email
from .models import UpdatePage, UpdateSend
from .permissions import SEND_PERMISSION

PREVIEW_ADDRESS = "you@example.org"


def chosen_audience(form):
    return {key: value for key, value in form.cleaned_data.items() if value} if form.is_valid() else {}


@permission_required(SEND_PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def compose(request, page_id):
    page = get_object_or_404(UpdatePage, pk=page_id)
    original = original_of(page)
    if original.pk != page.pk:  # a translation: the original's send reaches its readers in their language
        return redirect("news_send_compose", original.pk)
    if not page.live:
        messages.error(request, "Publish the update before emailing it: the email links to its page.")
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    form = audience.AudienceForm(request.POST if request.method == "POST" else request.GET or None)
    chosen = chosen_audience(form)
    if request.method == "POST":
        if request.POST.get("action") == "test":
            send_test(request, page)
            return redirect(f"{request.path}?{request.GET.urlencode()}")
        if request.POST.get("action") in ("send", "confirm") and form.errors:
            # A choice no longer offered (a constituency whose signatures were withdrawn) is never read as
            # "everyone": the screen shows what is wrong and sends nothing.
            messages.error(request, "Choose who gets it again: a choice is no longer offered.")
        elif request.POST.get("action") == "send":
            return confirm(request, page, form, chosen)
        elif request.POST.get("action") == "confirm":
            if request.POST.get("recipients") != str(audience.recipients(chosen).count()):
                return confirm(request, page, form, chosen, changed=True)
            try:
                # The published version (what the preview shows), never a newer draft.
                send = sending.start(page, page.live_revision, chosen, request.user)
            except IntegrityError:
                messages.error(request, "This update is already being sent: pause or cancel that send first.")
                return redirect(request.path)
            people = "1 subscriber" if send.total == 1 else f"{send.total:,} subscribers"
            messages.success(request, f"Sending “{page.title}” to {people}.")
            return redirect("news_send_progress", send.pk)
    shared = update_email.content(page)
    preview = update_email.message(shared, PREVIEW_ADDRESS)
    context = {
        **audience_context(page, form, chosen),
        "subject": preview.subject,
        "preview_text": preview.body,
        "active": page.sends.filter(status__in=["queued", "sending", "paused"]).first(),
        "sends": page.sends.all()[:10],
        "page_title": "Email this update",
        "page_subtitle": page.title,
        "header_title": "Email this update",
        "header_icon": "mail",
    }
    return TemplateResponse(request, "news/admin/compose.html", context)


def audience_context(page, form, chosen):
    return {
        "page": page,
        "form": form,
        "recipients": audience.recipients(chosen).count(),
        "audience_text": audience.describe(chosen),
        # the chosen audience again as the send form's hidden fields ("on" for a box, each value of a list)
        "audience_fields": [(key, value if isinstance(value, list) else ["on"]) for key, value in chosen.items()],
    }


def confirm(request, page, form, chosen, changed=False):
    """The step before sending: "Send “…” to 1,234 subscribers?", with that number kept in the form."""
    context = {
        **audience_context(page, form, chosen),
        "changed": changed,
        "compose_url": f"{request.path}?{request.GET.urlencode()}" if request.GET else request.path,
        "page_title": "Confirm the send",
        "page_subtitle": page.title,
        "header_title": "Confirm the send",
        "header_icon": "mail",
    }
    return TemplateResponse(request, "news/admin/confirm.html", context)


def send_test(request, page):
    """Send the message to the editor's own address, at once, as a subscriber would get it."""
    address = request.user.email
    if not address:
        messages.error(request, "Your account has no email address: add one under Account to receive a test.")
        return
    try:
        update_email.message(update_email.content(page), address).send()
    except (AnymailError, OSError):
        messages.error(request, "The email provider did not take the test message. Please try again later.")
        return
    messages.success(request, f"A test was sent to {address}.")


@permission_required(SEND_PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def progress(request, send_id):
    send = get_object_or_404(UpdateSend.objects.select_related("page", "created_by"), pk=send_id)
    if request.method == "POST":
        action = {"pause": sending.pause, "resume": sending.resume, "cancel": sending.cancel}.get(
            request.POST.get("action")
        )
        if action:
            action(send)
        return redirect(request.path)
    context = {
        "send": send,
        "audience_text": audience.describe(send.audience),
        "compose_url": reverse("news_send_compose", args=[send.page_id]),
        "page_title": "Email update",
        "page_subtitle": send.page.title,
        "header_title": f"Emailing “{send.page.title}”",
        "header_icon": "mail",
    }
    return TemplateResponse(request, "news/admin/progress.html", context)
