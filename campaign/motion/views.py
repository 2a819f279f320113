"""The motion page: the speaker invitation form and the motion's downloads (Word, PDF, text).

MotionPage routes here and hands itself in; this module never imports the page model.
"""

from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.views.decorators.cache import never_cache

from core.emails import queue_acknowledgement, queue_email, site_id
from core.protection import rate_limited
from core.receipts import give_receipt, read_receipt

from .blocks import motion_blocks
from .forms import MotionDownloadForm, SpeakerRequestForm
from .models.speakers import SpeakerRequest
from .pdf import motion_pdf
from .word import motion_docx

RECEIPT = "speaker-request"  # core.receipts: the thank-you page repeats the invitation to the one who sent it


@rate_limited("submit")
def motion_page(request, page):
    if request.method == "POST":
        form = SpeakerRequestForm(request.POST)
        if form.is_valid():
            speaker_request = save_speaker_request(request, page, form)
            thanks = page.get_url(request) + page.reverse_subpage("speaker_thanks_view")
            return give_receipt(redirect(thanks), request, thanks, RECEIPT, speaker_request.pk)
    else:
        form = SpeakerRequestForm()
    return page.render(
        request,
        context_overrides={
            "form": form,
            "download_form": MotionDownloadForm(),
            "downloads": page.downloads.filter(document__isnull=False).select_related("document"),
        },
    )


@transaction.atomic
def save_speaker_request(request, page, form):
    speaker_request = form.save(commit=False)
    speaker_request.page = page
    speaker_request.save()
    site = site_id(request)
    queue_email("motion/speaker_organisers", speaker_request, site=site)
    queue_acknowledgement("motion/speaker_received", speaker_request, speaker_request.email, site=site)
    return speaker_request


@never_cache  # with a receipt it shows a contact's details; without one it must not be cached either
def speaker_thanks(request, page):
    """Invitation received: the invitation as sent, for whoever holds its receipt (core.receipts)."""
    request_id = read_receipt(request, RECEIPT)
    invitation = SpeakerRequest.objects.filter(pk=request_id, page=page).first() if request_id is not None else None
    return page.render(request, template="motion/motion_thanks.html", context_overrides={"invitation": invitation})


def motion_download(request, page):
    """The motion with the branch's name filled in, as Word, PDF or text (a GET form: nothing is stored)."""
    form = MotionDownloadForm(request.GET)
    form.is_valid()
    if form.has_error("format"):
        return HttpResponseBadRequest("The motion comes as Word (docx), PDF (pdf) or text (txt).")
    branch = form.cleaned_data.get("name", "")  # an overlong name is left out, not refused
    file_format = form.cleaned_data["format"]
    title = f"{page.title} for {branch}" if branch else page.title
    content_type, make_file = DOWNLOADS[file_format]
    response = HttpResponse(make_file(page, title, branch), content_type=content_type)
    filename = f"{slugify(branch, allow_unicode=True)[:60] or 'model'}-motion.{file_format}"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _text_file(page, title, branch):
    return f"{title}\n{'=' * len(title)}\n\n{page.motion_text(branch)}\n"


def _word_file(page, title, branch):
    return motion_docx(title, motion_blocks(page.motion, branch))


def _pdf_file(page, title, branch):
    return motion_pdf(title, motion_blocks(page.motion, branch))


# format: (content type, function making the file's content)
DOWNLOADS = {
    "txt": ("text/plain; charset=utf-8", _text_file),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _word_file),
    "pdf": ("application/pdf", _pdf_file),
}
