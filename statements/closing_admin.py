"""The "Close signing now" and "Reopen signing" screens, and the organisers' list of statements that leads to them.

Each asks first (a GET changes nothing). They are for those who may publish the statement (closing and
reopening publish it, statements.closing), from its edit screen, and for the campaign's organisers, who
run the hand-in but do not edit pages, from the list in the menu (statements.permissions.may_close_signing).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.organisers import ORGANISERS_GROUP

from . import closing
from .closing_forms import ReopenForm
from .models import StatementPage
from .permissions import may_close_signing


def closable_statement(request, page_id):
    """The live statement the user may close or reopen; 404 for none, PermissionDenied for another's."""
    page = get_object_or_404(StatementPage.objects.live(), pk=page_id)
    if not may_close_signing(request.user, page):
        raise PermissionDenied
    return page


def back_url(request, page):
    """Where the screens lead back to: the statement's edit screen for its editors, else the list."""
    if page.permissions_for_user(request.user).can_edit():
        return reverse("wagtailadmin_pages:edit", args=[page.pk])
    return reverse("statements_signing")


@require_http_methods(["GET", "POST"])
def close_signing(request, page_id):
    page = closable_statement(request, page_id)
    back = back_url(request, page)
    if page.is_closed():
        messages.info(request, f"Signing “{page.title}” has already closed.")
        return redirect(back)
    if request.method == "POST":
        closing.close_now(page, request.user)
        messages.success(request, f"Signing “{page.title}” is closed. The form is gone from the statement.")
        return redirect(back)
    return TemplateResponse(request, "statements/admin/close_signing.html", {"page": page, "back_url": back})


@require_http_methods(["GET", "POST"])
def reopen_signing(request, page_id):
    page = closable_statement(request, page_id)
    back = back_url(request, page)
    if not page.is_closed():
        messages.info(request, f"Signing “{page.title}” is open already.")
        return redirect(back)
    form = ReopenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        closing.reopen(page, request.user, form.cleaned_data["reason"], form.cleaned_data["closes_at"])
        messages.success(request, f"Signing “{page.title}” is open again.")
        return redirect(back)
    context = {"page": page, "form": form, "back_url": back}
    return TemplateResponse(request, "statements/admin/reopen_signing.html", context)


def is_organiser_or_superuser(user):
    return user.is_active and (user.is_superuser or user.groups.filter(name=ORGANISERS_GROUP).exists())


@require_safe
def signing_list(request):
    """Every live statement, open ones first: whether signing is open or when it closed, and the button to change it."""
    if not is_organiser_or_superuser(request.user):
        raise PermissionDenied
    now = timezone.now()
    pages = StatementPage.objects.live().order_by("title", "pk")
    rows = [{"page": page, "closed": page.is_closed(now)} for page in pages]
    rows.sort(key=lambda row: row["closed"])
    return TemplateResponse(request, "statements/admin/closing_list.html", {"rows": rows})


class SigningMenuItem(MenuItem):
    def is_shown(self, request):
        return is_organiser_or_superuser(request.user)


@hooks.register("register_admin_urls")
def closing_urls():
    return [
        path("statements/signing/", signing_list, name="statements_signing"),
        path("statements/<int:page_id>/close-signing/", close_signing, name="statements_close_signing"),
        path("statements/<int:page_id>/reopen-signing/", reopen_signing, name="statements_reopen_signing"),
    ]


@hooks.register("register_admin_menu_item")
def signing_menu_item():
    return SigningMenuItem("Close signing", reverse("statements_signing"), icon_name="lock-open", order=203)
