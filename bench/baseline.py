"""The baseline for signing: the least a Django view can do for a form post.

It runs behind the same middleware in the same gunicorn as the signing view,
and its posts are checked by origin as the signing form's are
(core.cross_origin): validate a two-field form, insert one row, redirect. The
signing flow does more (honeypot, rate limit in Redis, duplicate check,
counters, a queued email); the benchmark reports how much that costs.
"""

from django import forms
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from core.cross_origin import cross_origin_protected

from .models import BaselineRow


class BaselineForm(forms.Form):
    name = forms.CharField(max_length=100)
    email = forms.EmailField()


@cross_origin_protected
@require_http_methods(["POST"])
def submit(request):
    form = BaselineForm(request.POST)
    if not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=400, content_type="text/plain")
    BaselineRow.objects.create(**form.cleaned_data)
    return redirect("bench_baseline_done")


def done(request):
    return HttpResponse("Saved.", content_type="text/plain")
