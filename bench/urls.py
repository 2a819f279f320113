"""The site's own URLs with the baseline view in front (benchmarks only)."""

from django.urls import path

from config.urls import urlpatterns as site_urlpatterns

from . import baseline

urlpatterns = [
    path("bench/baseline/", baseline.submit, name="bench_baseline"),
    path("bench/baseline/done/", baseline.done, name="bench_baseline_done"),
    *site_urlpatterns,
]
