"""The demo server the read-only browser checks visit: one per test session (tests/browser/conftest.py).

Started as a real server in a subprocess, on a throwaway SQLite file named
by DATABASE_URL, with the demo content loaded once. DEBUG stays off, so the
404 and 500 pages are the real ones; posters are real files under a
temporary MEDIA_ROOT; the pages only tests reach (tests/browser/urls.py)
are served too. Repeated form submissions are never throttled.
"""

import dj_database_url

from .base import env
from .test import *  # noqa: F403

ROOT_URLCONF = "tests.browser.urls"
DATABASES = {"default": dj_database_url.parse(env("DATABASE_URL", "sqlite:////tmp/campaign-browser.sqlite3"))}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# No collectstatic: WhiteNoise serves the static files straight from their folders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Sent emails go nowhere: no test reads this server's outbox.
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
RATE_LIMITS = {"sign": (100_000, 3600), "submit": (100_000, 3600)}
SIGNING_EMAIL_BUDGET = 100_000  # every signing from the one test browser is emailed, none held
PAGE_CACHE_SECONDS = 0
