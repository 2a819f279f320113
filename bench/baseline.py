"""The baselines for signing: the least a Django view can do for a form post, with and without its email.

Both run behind the same middleware in the same gunicorn as the signing view,
and their posts are checked by origin as the signing form's are
(core.cross_origin). `submit` validates a two-field form, inserts one row and
redirects (#14's baseline). `submit_with_email` does the work signing cannot
avoid: the same, plus one email task queued through django-tasks
(core.emails.queue_email, as signing queues its confirmation) in the row's
transaction. The benchmark reports signing against both.
"""

from django import forms
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from core.cross_origin import cross_origin_protected
from core.emails import queue_email

from .emails import BASELINE_EMAIL
from .models import BaselineRow

# A plain public address in the task's params, as signing's confirmation carries the statement's.
PAGE_URL = "http://127.0.0.1/statement/"


class BaselineForm(forms.Form):
    name = forms.CharField(max_length=100)
    email = forms.EmailField()


def invalid(form):
    return HttpResponse(form.errors.as_text(), status=400, content_type="text/plain")


@cross_origin_protected
@require_http_methods(["POST"])
def submit(request):
    form = BaselineForm(request.POST)
    if not form.is_valid():
        return invalid(form)
    BaselineRow.objects.create(**form.cleaned_data)
    return redirect("bench_baseline_done")


@cross_origin_protected
@require_http_methods(["POST"])
def submit_with_email(request):
    form = BaselineForm(request.POST)
    if not form.is_valid():
        return invalid(form)
    with transaction.atomic():
        row = BaselineRow.objects.create(**form.cleaned_data)
        queue_email(BASELINE_EMAIL, row, statement_url=PAGE_URL)
    return redirect("bench_baseline_done")


def done(request):
    return HttpResponse("Saved.", content_type="text/plain")
