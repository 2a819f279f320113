"""The admin's "Hand-in" screen: blank signature sheets by batch, and hand-in packs asked for and downloaded.

Every view is for organisers (the app's permissions); a pack is served from the storage through
`download_pack`, never from the storage's own address.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.site_settings import imprint_for
from statements.models import StatementPage

from .models import HandinPack, SheetBatch
from .pdf import page_language
from .permissions import PACK_PERMISSION, SHEET_PERMISSION, may_use_handin
from .retention import pack_days
from .sheet import signature_sheet
from .tasks import request_pack

LISTED = 10  # batches and packs shown on the screen, newest first


class SheetForm(forms.ModelForm):
    class Meta:
        model = SheetBatch
        fields = ["label"]


def chosen_statement(request):
    """The statement named by ?page= (or a form's "page"), else the first; 404 when there is none."""
    statements = StatementPage.objects.order_by("path")
    wanted = request.POST.get("page") or request.GET.get("page")
    if wanted and str(wanted).isdigit():
        return get_object_or_404(statements, pk=wanted)
    statement = statements.first()
    if statement is None:
        raise Http404("There is no statement yet.")
    return statement


def screen_url(page):
    return f"{reverse('handin_index')}?page={page.pk}"


def index(request):
    if not may_use_handin(request.user):
        raise PermissionDenied
    page = chosen_statement(request)
    return TemplateResponse(
        request,
        "handin/admin/index.html",
        {
            "page": page,
            "statements": StatementPage.objects.order_by("path").only("title"),
            "sheet_form": SheetForm(),
            "batches": SheetBatch.objects.filter(page=page).select_related("created_by")[:LISTED],
            "packs": HandinPack.objects.filter(page=page).select_related("requested_by")[:LISTED],
            "may_print": request.user.has_perm(SHEET_PERMISSION),
            "may_pack": request.user.has_perm(PACK_PERMISSION),
            "pack_days": pack_days(),
        },
    )


@require_POST
@permission_required(SHEET_PERMISSION, raise_exception=True)
def new_sheet_batch(request):
    """A new batch of sheets for the statement: its code goes on each sheet; the download follows."""
    page = chosen_statement(request)
    form = SheetForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The sheets’ description is too long: 100 characters at most."))
        return redirect(screen_url(page))
    batch = form.save(commit=False)
    batch.page, batch.created_by = page, request.user
    batch.save()
    return redirect("handin_sheet", code=batch.code)


@permission_required(SHEET_PERMISSION, raise_exception=True)
def download_sheet(request, code):
    batch = get_object_or_404(SheetBatch.objects.select_related("page"), code=code)
    page = batch.page.specific
    url = f"{page.get_full_url(request)}?src={batch.source_code}"
    with translation.override(page_language(page)):  # a Welsh statement's sheet is Welsh, whoever prints it
        pdf = signature_sheet(page, url, batch.code, imprint_for(request))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="signature-sheet-{batch.code}.pdf"'
    return response


@require_POST
@permission_required(PACK_PERMISSION, raise_exception=True)
def new_pack(request):
    page = chosen_statement(request)
    request_pack(page, request.user)
    messages.success(
        request,
        _(
            "The hand-in pack is being built. It takes a few minutes for a large statement: "
            "reload this page to see when it is ready to download."
        ),
    )
    return redirect(screen_url(page))


@permission_required(PACK_PERMISSION, raise_exception=True)
def download_pack(request, pack_id):
    pack = get_object_or_404(HandinPack, pk=pack_id)
    if pack.status != HandinPack.Status.READY or not pack.file:
        raise Http404("This pack is not ready to download.")
    name = pack.file.name.rsplit("/", 1)[-1]
    return FileResponse(pack.file.open("rb"), as_attachment=True, filename=name, content_type="application/pdf")
