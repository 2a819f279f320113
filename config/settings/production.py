"""Production: everything from the environment, secure by default.

Refuses to start half-configured rather than fail quietly later: without a real SECRET_KEY, ALLOWED_HOSTS,
an email backend that delivers (signers need their confirmation links), the provider's webhook secret, or
WAGTAILADMIN_BASE_URL (admin links in emails). Each message says what to set.
"""

from django.core.exceptions import ImproperlyConfigured

from core import error_reports
from core.subscriptions.webhook_providers import missing_secret as missing_webhook_secret

from .base import *  # noqa: F403
from .base import ANYMAIL, DATABASES, LOGGING, env, env_bool, env_list

DEBUG = False
SECRET_KEY = env("SECRET_KEY", "")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("dev-", "test-", "django-insecure")):
    raise ImproperlyConfigured("Set SECRET_KEY to a random string of at least 50 characters.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the site's host names, comma-separated.")

DATABASES["default"]["CONN_MAX_AGE"] = int(env("CONN_MAX_AGE", "60"))

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
# W021: HSTS preload is a deliberate opt-in. W003 looks for Django's CSRF middleware by path;
# core.cross_origin's subclass of it checks tokens on every view but the public ones (SECURITY.md).
SILENCED_SYSTEM_CHECKS = ["security.W021", "security.W003"]

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media on S3-compatible storage when a bucket is set, so several app servers share one store.
if env("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL")
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME")
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN")
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False

# Backends that print, keep or drop email instead of delivering it.
UNDELIVERING_EMAIL_BACKENDS = {
    "anymail.backends.console.EmailBackend",
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
}
EMAIL_BACKEND = env("EMAIL_BACKEND", "")
if not EMAIL_BACKEND or EMAIL_BACKEND in UNDELIVERING_EMAIL_BACKENDS:
    raise ImproperlyConfigured(
        f"Set EMAIL_BACKEND to your email provider's django-anymail backend, e.g. "
        f"anymail.backends.mailgun.EmailBackend, and its key (see .env.example): "
        f"{EMAIL_BACKEND or 'the default'} would deliver no email."
    )

# The provider's tracking webhook can stop updates to any address: never served unauthenticated.
if missing_webhook_secret(EMAIL_BACKEND, ANYMAIL):
    raise ImproperlyConfigured(missing_webhook_secret(EMAIL_BACKEND, ANYMAIL))

WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "")
if not WAGTAILADMIN_BASE_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured(
        "Set WAGTAILADMIN_BASE_URL to the site's address, e.g. https://campaign.example.org: "
        "links to the admin in emails are built from it."
    )

# A second factor for all staff: most staff roles show personal data. With STAFF_2FA_REQUIRED=false,
# whoever may see signers' email addresses still must give one.
STAFF_2FA_REQUIRED = env_bool("STAFF_2FA_REQUIRED", True)
STAFF_2FA_REQUIRED_PERMISSIONS = env_list("STAFF_2FA_REQUIRED_PERMISSIONS", "statements.view_signature_email")

# One JSON object a line on standard output, for the platform's log collector.
LOGGING["formatters"]["json"] = {"()": "core.logs.JsonFormatter"}
LOGGING["formatters"]["plain"] = {**LOGGING["formatters"]["plain"], "()": "core.logs.PlainFormatter"}
LOGGING["handlers"]["console"]["formatter"] = env("LOG_FORMAT", "json")
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# Errors of every Procfile process to Sentry when SENTRY_DSN is set, personal data scrubbed (SECURITY.md).
error_reports.start(
    env("SENTRY_DSN", ""),
    environment=env("SENTRY_ENVIRONMENT", "production"),
    release=env("SENTRY_RELEASE", ""),
    traces_sample_rate=float(env("SENTRY_TRACES_SAMPLE_RATE", "0")),
)
