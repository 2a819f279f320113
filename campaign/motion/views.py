"""The motion page: the speaker invitation form and the plain-text motion download.

MotionPage routes here and hands itself in; this module never imports the page model.
"""

from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.text import slugify

from core.emails import queue_acknowledgement, queue_email, site_id
from core.protection import rate_limited

from .forms import MotionDownloadForm, SpeakerRequestForm


@rate_limited("submit")
def motion_page(request, page):
    if request.method == "POST":
        form = SpeakerRequestForm(request.POST)
        if form.is_valid():
            save_speaker_request(request, page, form)
            return redirect(page.get_url(request) + page.reverse_subpage("speaker_thanks_view"))
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


def motion_download(request, page):
    """The motion as a .txt file with the branch's name filled in (a GET form: nothing is stored)."""
    form = MotionDownloadForm(request.GET)
    branch = form.cleaned_data["name"] if form.is_valid() else ""
    text = page.motion_text(branch)
    title = f"{page.title} for {branch}" if branch else page.title
    heading = f"{title}\n{'=' * len(title)}\n\n"
    response = HttpResponse(heading + text + "\n", content_type="text/plain; charset=utf-8")
    filename = f"{slugify(branch)[:60] or 'model'}-motion.txt"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
