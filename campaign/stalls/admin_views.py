"""Two admin screens: signatures taken in person, totalled by event; and the paper import tagged with an event."""

from django.contrib.auth.decorators import permission_required
from django.db.models import Count, Q
from django.template.response import TemplateResponse

from statements.imports import UnreadableFile, import_signatures
from statements.permissions import EMAIL_PERMISSION, IMPORT_PERMISSION

from .forms import EventImportForm
from .models import InPersonSignature
from .permissions import VIEW_PERMISSION
from .recording import tag_with_event

STANDING = Q(signature__isnull=False)  # withdrawn signatures leave their row, empty, and stop counting


@permission_required(VIEW_PERMISSION, raise_exception=True)
def totals_by_event(request):
    """Per event: signatures taken at its stalls and from its paper sheets, in one GROUP BY."""
    rows = (
        InPersonSignature.objects.values("event_id", "event__title", "event__start")
        .annotate(
            at_stalls=Count("pk", filter=STANDING & Q(stall__isnull=False)),
            on_paper=Count("pk", filter=STANDING & Q(stall__isnull=True)),
        )
        .order_by("-event__start")
    )
    return TemplateResponse(request, "stalls/admin/totals.html", {"rows": rows})


@permission_required(IMPORT_PERMISSION, raise_exception=True)
def import_for_event(request):
    """The paper import (statements.imports), each imported signature tagged with the chosen event."""
    report = None
    form = EventImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            tag = tag_with_event(data["event"])
            imported = import_signatures(
                data["page"], data["file"], data["source"], saved=tag, batch_code=data["batch_code"]
            )
        except UnreadableFile as problem:
            form.add_error("file", str(problem))
        else:
            report = imported.as_seen(reveal_signers=request.user.has_perm(EMAIL_PERMISSION))
    context = {"form": form, "report": report, "title": "Import paper sheets for an event"}
    return TemplateResponse(request, "statements/admin/import.html", context)
