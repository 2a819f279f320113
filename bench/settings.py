"""Production settings plus what the benchmarks need beside them, and nothing else.

Everything the statement page, the signing flow and WhiteNoise do comes from
config.settings.production unchanged. Added here only:
- STATIC_ROOT in a temporary folder (collectstatic runs per benchmark),
- WHITENOISE_ROOT: a folder whose files WhiteNoise serves at the site root,
  where the benchmark puts a copy of the statement page as a static file,
- the `bench` app and its URLs: the baseline views (a two-field form that
  inserts one row, and the same queuing one email task in its transaction),
  mounted only here, never in config/urls.py.
"""

import os

from config.settings.production import *  # noqa: F403
from config.settings.production import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
ROOT_URLCONF = "bench.urls"
STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
WHITENOISE_ROOT = os.environ.get("BENCH_WHITENOISE_ROOT") or None
