"""Organisers' screens for hosts: review a held message (seeing exactly what will be sent), take a host's
access away or give it back, and import the paper sheets a host reported as a batch named after the event."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from statements.admin_views import BatchImportForm
from statements.imports import UnreadableFile, import_signatures
from statements.models import StatementPage
from statements.permissions import EMAIL_PERMISSION, IMPORT_PERMISSION

from . import access, hosting, message_email, messaging
from .models import Host, HostAction, HostMessage, PaperReport


class RefuseForm(forms.Form):
    reason = forms.CharField(
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Emailed to the host, so they can write it again differently.",
    )


def index_url(model):
    return reverse(f"hosts_{model._meta.model_name}_modeladmin_index")


@permission_required("hosts.change_hostmessage", raise_exception=True)
@require_http_methods(["GET", "POST"])
def review_message(request, pk):
    """A held message as its first recipient will get it; Approve sends it (once), Refuse tells the host."""
    message = get_object_or_404(HostMessage.objects.select_related("event", "host"), pk=pk)
    form = RefuseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if request.POST.get("action") == "approve":
            if messaging.approve(message, request.user):
                messages.success(request, f"“{message.subject}” approved: it is being sent to everyone coming.")
            else:
                messages.warning(request, f"“{message.subject}” was already {message.get_status_display().lower()}.")
        elif request.POST.get("action") == "refuse":
            if messaging.refuse(message, request.user, form.cleaned_data["reason"].strip()):
                messages.success(request, f"“{message.subject}” refused; its host has been told.")
            else:
                messages.warning(request, f"“{message.subject}” was already {message.get_status_display().lower()}.")
        return redirect(index_url(HostMessage))
    subject, text, _ = message_email.preview(message)
    context = {
        "message": message,
        "subject": subject,
        "text": text,
        "form": form,
        "recipients": messaging.recipients(message.event).count(),
        "held": message.status == HostMessage.Status.HELD,
    }
    return TemplateResponse(request, "hosts/admin/review_message.html", context)


@permission_required("hosts.change_host", raise_exception=True)
@require_http_methods(["GET", "POST"])
def host_access(request, pk):
    """Take a host's access away (every link they hold stops), give it back (with a fresh link), or resend it."""
    host = get_object_or_404(Host.objects.select_related("event"), pk=pk)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "revoke" and access.revoke(host, request.user):
            messages.success(request, f"{host.name} can no longer manage “{host.event}”: their links stopped working.")
        elif action == "restore" and access.restore(host, request.user):
            host.refresh_from_db()
            hosting.send_link(host, organiser=request.user)
            messages.success(request, f"{host.name} can manage “{host.event}” again; a new link was emailed.")
        elif action == "send_link" and not host.is_revoked:
            hosting.send_link(host, organiser=request.user)
            messages.success(request, f"A new link was emailed to {host.name}.")
        return redirect(index_url(Host))
    return TemplateResponse(request, "hosts/admin/host_access.html", {"host": host})


@permission_required(IMPORT_PERMISSION, raise_exception=True)
@permission_required("hosts.change_paperreport", raise_exception=True)
@require_http_methods(["GET", "POST"])
def import_paper_report(request, pk):
    """The paper import (statements.imports) for one host's count: the batch is named after the event."""
    report_row = get_object_or_404(PaperReport.objects.select_related("event", "host"), pk=pk)
    report = None
    statement = StatementPage.objects.live().order_by("pk").first()  # most campaigns have one
    form = BatchImportForm(request.POST or None, request.FILES or None, initial={"page": statement})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            imported = import_signatures(data["page"], data["file"], data["source"], batch_code=data["batch_code"])
        except UnreadableFile as problem:
            form.add_error("file", str(problem))
        else:
            report = imported.as_seen(reveal_signers=request.user.has_perm(EMAIL_PERMISSION))
            PaperReport.objects.filter(pk=report_row.pk).update(imported_at=timezone.now())
            detail = f"{report_row.batch_name}: {report['imported']} imported of {report_row.signatures} reported"
            HostAction.log(report_row.event, HostAction.Kind.PAPER_IMPORTED, organiser=request.user, detail=detail)
    context = {
        "form": form,
        "report": report,
        "title": f"Import paper sheets: {report_row.batch_name}",
        "batch": report_row,
    }
    return TemplateResponse(request, "statements/admin/import.html", context)
