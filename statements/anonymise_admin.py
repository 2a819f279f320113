"""The organiser's "Anonymise now" for a closed statement: the list of closed statements, a confirmation, the job.

Organisers do not edit pages, so "Closed statements" in the menu lists each with when it closed and when
its signatures lose their details, and a button to do it now; a page editor's screen has the button too.
Only organisers and superusers may, and only once signing has closed; the confirmation says how many
signatures lose their details and that it cannot be undone. The work runs as a task (statements.tasks):
a big statement takes longer than a request may.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from core.organisers import ORGANISERS_GROUP

from . import anonymise, tasks
from .models import StatementPage


def may_anonymise(user):
    return user.is_active and (user.is_superuser or user.groups.filter(name=ORGANISERS_GROUP).exists())


class ClosedStatementsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_anonymise(request.user)


def closed_statements(request):
    """Every closed statement, latest first: its count, and when its signatures lost or lose their details."""
    if not may_anonymise(request.user):
        raise PermissionDenied
    now = timezone.now()
    rows = []
    for page in StatementPage.objects.filter(closes_at__lte=now).order_by("-closes_at", "-pk"):
        anonymised = anonymise.is_anonymised(page)
        rows.append(
            {
                "page": page,
                "closed_on": timezone.localtime(page.closes_at),
                "total": page.counts()["total"],
                "anonymised_on": timezone.localtime(page.anonymised_at) if anonymised else None,
                "due_on": timezone.localtime(anonymise.due_at(page)),
            }
        )
    context = {"rows": rows, "months": settings.ANONYMISE_AFTER_MONTHS}
    return TemplateResponse(request, "statements/admin/anonymise_list.html", context)


@require_http_methods(["GET", "POST"])
def anonymise_now(request, page_id):
    """GET: what anonymising the statement would do, and a button; POST: start it."""
    if not may_anonymise(request.user):
        raise PermissionDenied
    page = get_object_or_404(StatementPage, pk=page_id)
    back = reverse("statements_closed")
    if not anonymise.is_closed(page):
        messages.error(request, f"“{page.title}” is still open: its signatures are anonymised only once it closes.")
        return redirect(back)
    plan = anonymise.plan(page)
    if request.method == "POST":
        return start(request, page, plan, back)
    context = {
        "page": page,
        "plan": plan,
        "counts": page.counts(),
        "closed_on": timezone.localtime(page.closes_at),
        "due_on": timezone.localtime(anonymise.due_at(page)),
        "months": settings.ANONYMISE_AFTER_MONTHS,
        "anonymised_on": timezone.localtime(page.anonymised_at) if anonymise.is_anonymised(page) else None,
        "back": back,
    }
    return TemplateResponse(request, "statements/admin/anonymise_confirm.html", context)


def start(request, page, plan, back):
    tasks.anonymise_statement.enqueue(page.pk)
    page.refresh_from_db(fields=["anonymised_at"])
    if anonymise.is_anonymised(page):  # the task ran at once (the immediate backend, in development)
        messages.success(request, f"The signatures of “{page.title}” are anonymised. The counts are as they were.")
    else:
        messages.success(
            request,
            f"Anonymising the signatures of “{page.title}” has started: {plan.anonymised + plan.deleted} "
            "signatures lose their details within a few minutes. The counts stay as they are.",
        )
    return redirect(back)


@hooks.register("register_admin_urls")
def anonymise_urls():
    return [
        path("statements/closed/", closed_statements, name="statements_closed"),
        path("statements/<int:page_id>/anonymise/", anonymise_now, name="statements_anonymise"),
    ]


@hooks.register("register_admin_menu_item")
def closed_statements_menu_item():
    return ClosedStatementsMenuItem("Closed statements", reverse("statements_closed"), icon_name="lock", order=203)


@hooks.register("register_page_header_buttons")
def anonymise_button(page, user, view_name, next_url=None):
    """On a closed statement's edit screen, for organisers: until its signatures are anonymised."""
    if page.specific_class is not StatementPage or not may_anonymise(user):
        return
    statement = page.specific_deferred
    if anonymise.is_closed(statement) and not anonymise.is_anonymised(statement):
        url = reverse("statements_anonymise", args=[page.pk])
        yield Button("Anonymise signatures now", url, icon_name="user", priority=45)
