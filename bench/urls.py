"""The site's own URLs with the baseline views in front (benchmarks only).

Media files are served here too, by Django, as the object store serves them
in production: under production settings nothing serves MEDIA_ROOT, and a
slow phone's first visit would otherwise fetch a 404 for every image.
"""

from django.conf import settings
from django.urls import path, re_path
from django.views.static import serve

from config.urls import urlpatterns as site_urlpatterns

from . import baseline

urlpatterns = [
    path("bench/baseline/", baseline.submit, name="bench_baseline"),
    path("bench/baseline/email/", baseline.submit_with_email, name="bench_baseline_email"),
    path("bench/baseline/done/", baseline.done, name="bench_baseline_done"),
    re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
