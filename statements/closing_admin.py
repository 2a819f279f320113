"""The editors' "Close signing now" and "Reopen signing" screens, reached from the statement's edit screen.

Each asks first (a GET changes nothing) and is for those who may publish the
statement: closing and reopening publish it (statements.closing).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods
from wagtail import hooks

from . import closing
from .closing_forms import ReopenForm
from .models import StatementPage


def publishable_statement(request, page_id):
    """The live statement the user may publish; 404 for none, PermissionDenied for another's."""
    page = get_object_or_404(StatementPage.objects.live(), pk=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return page


def back_to_edit(page):
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


@require_http_methods(["GET", "POST"])
def close_signing(request, page_id):
    page = publishable_statement(request, page_id)
    if page.is_closed():
        messages.info(request, f"Signing “{page.title}” has already closed.")
        return back_to_edit(page)
    if request.method == "POST":
        closing.close_now(page, request.user)
        messages.success(request, f"Signing “{page.title}” is closed. The form is gone from the statement.")
        return back_to_edit(page)
    return TemplateResponse(request, "statements/admin/close_signing.html", {"page": page})


@require_http_methods(["GET", "POST"])
def reopen_signing(request, page_id):
    page = publishable_statement(request, page_id)
    if not page.is_closed():
        messages.info(request, f"Signing “{page.title}” is open already.")
        return back_to_edit(page)
    form = ReopenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        closing.reopen(page, request.user, form.cleaned_data["reason"], form.cleaned_data["closes_at"])
        messages.success(request, f"Signing “{page.title}” is open again.")
        return back_to_edit(page)
    return TemplateResponse(request, "statements/admin/reopen_signing.html", {"page": page, "form": form})


@hooks.register("register_admin_urls")
def closing_urls():
    return [
        path("statements/<int:page_id>/close-signing/", close_signing, name="statements_close_signing"),
        path("statements/<int:page_id>/reopen-signing/", reopen_signing, name="statements_reopen_signing"),
    ]
