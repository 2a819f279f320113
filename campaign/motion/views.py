"""The motion page: the speaker invitation form and the motion's downloads (Word, PDF, text).

MotionPage routes here and hands itself in; this module never imports the page model.
"""

from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.emails import queue_acknowledgement, queue_email, site_id
from core.protection import rate_limited
from core.queries import get_or_none
from core.receipts import give_receipt, read_receipt
from core.signed_links import BadToken
from core.site_settings import imprint_for
from core.site_urls import site_url

from . import boards, tracker
from .blocks import motion_blocks
from .forms import MotionDownloadForm, MotionReportForm, ReportAnswerForm, SpeakerRequestForm
from .models.reports import FOLLOW_UP_ANSWERS, MotionReport
from .models.speakers import SpeakerRequest
from .pdf import motion_pdf
from .tokens import ANSWER, CONFIRM
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
            "passed": tracker.passed_list(),
            **pathway_context(),
        },
    )


def pathway_context():
    """The conference pathway the motion page shows: conferences with counts per stage, and the next deadline."""
    today = timezone.localdate()
    pathway = boards.pathway(today)
    return {"pathway": pathway, "next_deadline": boards.next_deadline(pathway, today)}


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
    invitation = get_or_none(SpeakerRequest.objects.filter(page=page), request_id) if request_id is not None else None
    return page.render(request, template="motion/motion_thanks.html", context_overrides={"invitation": invitation})


def motion_download(request, page):
    """The motion with the branch's name filled in, as Word, PDF or text (a GET form: nothing is stored).

    Each carries the site's imprint, as the posters do.
    """
    form = MotionDownloadForm(request.GET)
    form.is_valid()
    if form.has_error("format"):
        return HttpResponseBadRequest(_("The motion comes as Word (docx), PDF (pdf) or text (txt)."))
    branch = form.cleaned_data.get("name", "")  # an overlong name is left out, not refused
    file_format = form.cleaned_data["format"]
    title = _("%(title)s for %(branch)s") % {"title": page.title, "branch": branch} if branch else page.title
    content_type, make_file = DOWNLOADS[file_format]
    response = HttpResponse(make_file(page, title, branch, imprint_for(request)), content_type=content_type)
    slug = slugify(branch, allow_unicode=True)[:60]
    name = _("%(branch)s-motion") % {"branch": slug} if slug else _("model-motion")
    filename = f"{name}.{file_format}"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _text_file(page, title, branch, imprint):
    text = f"{title}\n{'=' * len(title)}\n\n{page.motion_text(branch)}\n"
    return f"{text}\n{imprint}\n" if imprint else text


def _word_file(page, title, branch, imprint):
    return motion_docx(title, motion_blocks(page.motion, branch), imprint)


def _pdf_file(page, title, branch, imprint):
    return motion_pdf(title, motion_blocks(page.motion, branch), imprint)


# format: (content type, function making the file's content from the page, title, branch and imprint)
DOWNLOADS = {
    "txt": ("text/plain; charset=utf-8", _text_file),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _word_file),
    "pdf": ("application/pdf", _pdf_file),
}


def motion_url(request, page):
    """The motion's whole address for its emails: on the Wagtail Site, not the Host the request claims."""
    return site_url(request, page.get_url(request))


@require_http_methods(["GET", "POST"])
@rate_limited("motion_report", limit=10, period=3600)
def report(request, page):
    """The tracker's form: where the motion stands in a body. A valid report asks its reporter to confirm by email."""
    form = MotionReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        tracker.record(page, form, motion_url(request, page))
        return redirect(page.get_url(request) + page.reverse_subpage("report_sent"))
    return page.render(request, template="motion/report.html", context_overrides={"form": form})


def report_sent(request, page):
    return page.render(request, template="motion/report_sent.html")


def link_problem(request, page):
    response = page.render(request, template="motion/report_link_problem.html")
    response.status_code = 400
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def report_confirm(request, page):
    """The emailed link opens a page with one button; only its POST confirms (mail scanners open links)."""
    token = (request.POST if request.method == "POST" else request.GET).get("token", "")
    try:
        motion_report = CONFIRM.read(token)
    except BadToken:
        return link_problem(request, page)
    if request.method == "POST":
        tracker.confirm(motion_report, motion_url(request, page))
        return redirect(page.get_url(request) + page.reverse_subpage("report_confirmed"))
    return page.render(
        request, template="motion/report_confirm.html", context_overrides={"report": motion_report, "token": token}
    )


def report_confirmed(request, page):
    return page.render(request, template="motion/report_confirmed.html")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def report_answer(request, page):
    """A follow-up answer: the link opens a confirm page (GET changes nothing); its button (POST) applies it."""
    source = request.POST if request.method == "POST" else request.GET
    token, choice = source.get("token", ""), source.get("answer", "")
    labels = {value: _(label) for value, label in FOLLOW_UP_ANSWERS}  # the model's labels, in the catalogue
    try:
        motion_report = ANSWER.read(token)
    except BadToken:
        return link_problem(request, page)
    if choice not in labels:
        return link_problem(request, page)
    if motion_report.status != MotionReport.Status.TABLED:
        return page.render(request, template="motion/report_answered.html", context_overrides={"report": motion_report})
    form = ReportAnswerForm(request.POST if request.method == "POST" else None, answer=choice)
    if request.method == "POST" and form.is_valid():
        updated = tracker.answer(motion_report, choice, form.cleaned_data.get("new_date"))
        return page.render(request, template="motion/report_answered.html", context_overrides={"report": updated})
    context = {"report": motion_report, "token": token, "answer": choice, "label": labels[choice], "form": form}
    return page.render(request, template="motion/report_answer.html", context_overrides=context)
