"""The baseline for signing: the least a Django view can do for a form post.

It runs behind the same middleware (CSRF included) in the same gunicorn as
the signing view: validate a two-field form, insert one row, redirect. The
signing flow does more (honeypot, rate limit in Redis, duplicate check,
counters, a queued email); the benchmark reports how much that costs.
"""

from django import forms
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from .models import BaselineRow


class BaselineForm(forms.Form):
    name = forms.CharField(max_length=100)
    email = forms.EmailField()


@require_http_methods(["POST"])
def submit(request):
    form = BaselineForm(request.POST)
    if not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=400, content_type="text/plain")
    BaselineRow.objects.create(**form.cleaned_data)
    return redirect("bench_baseline_done")


# Protected as the signing form is: once public forms are checked by origin instead of a CSRF
# token (core.cross_origin, issue 14), this view is one of them (the mark its decorator sets);
# until then the attribute means nothing and Django's CSRF token check applies to both.
submit.cross_origin_protected = True


def done(request):
    return HttpResponse("Saved.", content_type="text/plain")
