"""Settings shared by every environment.

Everything that differs between a laptop and production is read from the
environment (see `.env.example`); the defaults here make `make run` work with
nothing installed: SQLite, local-memory cache, email printed to the console.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The project's apps, top layer first (ARCHITECTURE.md): home composes the
# feature apps, which build on core, the machinery at the bottom.
INSTALLED_APPS = [
    "home",
    "campaign.events",
    "campaign.materials",
    "campaign.motion",
    "campaign.news",
    "campaign.form_pages",
    "campaign.stalls",
    "campaign.hosts",
    "campaign.handin",
    "campaign.introductions",
    "campaign.constituencies",
    "statements",
    "core",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "wagtail_modeladmin",
    "wagtail_localize",
    "wagtail_localize.locales",  # the admin's languages screen (in place of wagtail.locales)
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "anymail",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",  # thousands separators in the admin dashboard
    "django.contrib.sitemaps",
]

# Order matters: the security headers wrap everything; the page cache comes
# before CSRF and sessions, so a cached page costs neither (it holds no token:
# public forms are checked by origin, see core/cross_origin.py) and never
# touches the database. CrossOriginProtectionMiddleware is Django's
# CsrfViewMiddleware for the admin and every staff screen. No GZipMiddleware:
# the page cache stores pages compressed, and WhiteNoise serves static files
# precompressed, so nothing is compressed twice.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.nul_bytes.RefuseNulBytesMiddleware",  # before anything reads a value: PostgreSQL cannot take NUL
    "core.languages.LanguageFromPathMiddleware",  # the address's language (/cy/...), before any page is made
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.page_cache.PageCacheMiddleware",
    "core.cross_origin.CrossOriginProtectionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "core.staff_accounts.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its lockout page.
    "axes.middleware.AxesMiddleware",
]

# Anonymous page views are served from the cache for this many seconds
# (0 turns the page cache off); then one process renders the page anew while
# the others serve their copy. Counts on cached pages are this stale, plus a render.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "30"))
# Each process re-reads the publish clock (core/publish_clock.py) and its hot pages at most this often:
# a publish shows on every app server within this many seconds.
PAGE_CACHE_LOCAL_SECONDS = int(env("PAGE_CACHE_LOCAL_SECONDS", "1"))
# The same anonymous pages say "Cache-Control: public, max-age=..., s-maxage=...":
# browsers keep them PUBLIC_CACHE_MAX_AGE seconds, a CDN or caching proxy
# PUBLIC_CACHE_S_MAXAGE. Browsers ask again by default: a signer going back to
# the statement after confirming must see their signature counted, which no
# purge could reach in their browser. A publish purges the changed page at the
# CDN too (FRONTEND_CACHE_* below); counts and a withdrawn name leave it within
# PUBLIC_CACHE_S_MAXAGE, so keep that short.
PUBLIC_CACHE_MAX_AGE = int(env("PUBLIC_CACHE_MAX_AGE", "0"))
PUBLIC_CACHE_S_MAXAGE = int(env("PUBLIC_CACHE_S_MAXAGE", "30"))


def frontend_cache_backends(environ):
    """wagtail.contrib.frontend_cache's backends from the environment: each configured one; none by default.

    - Cloudflare: FRONTEND_CACHE_CLOUDFLARE_ZONE_ID and FRONTEND_CACHE_CLOUDFLARE_TOKEN (an API token
      allowed to purge the zone);
    - CloudFront: FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID (needs boto3 installed, and AWS credentials);
    - Varnish or nginx: FRONTEND_CACHE_PURGE_URL, e.g. http://127.0.0.1:6081, where an HTTP PURGE
      of the page's path (with the site's Host header) drops it.
    Wagtail sends the purges from a task, so a publish waits for no CDN.
    """
    backends = {}
    if environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONE_ID"):
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": environ["FRONTEND_CACHE_CLOUDFLARE_ZONE_ID"],
            "BEARER_TOKEN": environ.get("FRONTEND_CACHE_CLOUDFLARE_TOKEN", ""),
        }
    if environ.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": environ["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"],
        }
    if environ.get("FRONTEND_CACHE_PURGE_URL"):
        backends["proxy"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": environ["FRONTEND_CACHE_PURGE_URL"],
        }
    return backends


WAGTAILFRONTENDCACHE = frontend_cache_backends(os.environ)
# Each language's version of a page is its own page at its own address (/cy/...), purged by its own
# publish: not Wagtail's default of one page served under every language's prefix, which would purge
# made-up addresses ("/en-gb/datganiad/").
WAGTAILFRONTENDCACHE_LANGUAGES = []

# The site's own pages load nothing from elsewhere. The Wagtail admin is
# left out: its editor relies on inline scripts and styles.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *env_list("CSP_FRAME_SRC")],  # e.g. video embeds an editor allows
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.languages.language_context",
            ],
        },
    },
]

# SQLite in the project folder unless DATABASE_URL names another database.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Local memory unless REDIS_URL is set: then every app server shares one
# cache, so rate limits and cached pages hold across the whole site. While
# Redis cannot be reached each process uses its own memory instead, asking
# Redis again every second (core/shared_cache.py); REDIS_TIMEOUT_SECONDS is
# how long a connection or an answer may take before Redis counts as away.
REDIS_URL = env("REDIS_URL", "")


def redis_caches(url, key_prefix, timeout_seconds):
    """CACHES for Redis at `url` (tests/production/test_redis_outage.py runs these against a Redis it stops)."""
    return {
        "default": {
            "BACKEND": "core.shared_cache.FallbackRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": key_prefix,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": timeout_seconds, "SOCKET_TIMEOUT": timeout_seconds},
        }
    }


if REDIS_URL:
    CACHES = redis_caches(REDIS_URL, env("CACHE_KEY_PREFIX", "campaign"), float(env("REDIS_TIMEOUT_SECONDS", "1")))
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# /health/ shows its checks and the email queue to staff and to requests with
# "Authorization: Bearer <HEALTH_TOKEN>"; to anyone else only its status (core/health.py).
HEALTH_TOKEN = env("HEALTH_TOKEN", "")

# Staff accounts guard special-category personal data (who signed a political
# statement), so the admin sign-in is throttled and sessions are short.
# django-axes checks every sign-in before Django's own backend does.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# AXES_FAILURE_LIMIT wrong passwords lock that username from that network (an
# IPv4 address, an IPv6 /64) for AXES_COOLOFF_HOURS; STAFF_USERNAME_FAILURE_LIMIT
# (at least AXES_FAILURE_LIMIT) from any networks lock the username everywhere.
# A right password then is refused too until the time is up.
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(env("AXES_COOLOFF_HOURS", "1"))
STAFF_USERNAME_FAILURE_LIMIT = int(env("STAFF_USERNAME_FAILURE_LIMIT", "20"))
AXES_LOCKOUT_PARAMETERS = "core.staff_accounts.lockout_parameters"
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.staff_accounts.sign_in_address"  # networks, as the public forms count them
AXES_LOCKOUT_CALLABLE = "core.staff_accounts.locked_out"
AXES_DISABLE_ACCESS_LOG = True  # keep no record of successful sign-ins: failures are all the lock needs
# Sessions (only staff have one) end when the browser closes, and after 12 hours at most.
SESSION_COOKIE_AGE = int(env("SESSION_COOKIE_AGE", str(12 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", True)
# Two-factor sign-in (django-otp, authenticator apps): any staff member may turn
# it on under Account -> "Two-factor sign-in"; once on, the code is asked for at
# every sign-in. Compulsory for everyone when STAFF_2FA_REQUIRED is on (production's
# default), and for anyone holding one of STAFF_2FA_REQUIRED_PERMISSIONS (production's
# default: whoever may see signers' email addresses). See core/staff_accounts.py.
STAFF_2FA_REQUIRED = env_bool("STAFF_2FA_REQUIRED", False)
STAFF_2FA_REQUIRED_PERMISSIONS = env_list("STAFF_2FA_REQUIRED_PERMISSIONS")
OTP_TOTP_ISSUER = env("WAGTAIL_SITE_NAME", "Campaign")  # the name the authenticator app shows

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env("TIME_ZONE", "Europe/London")
USE_I18N = True
# The languages of the site: its own words (Django's translation catalogues, one
# per app in <app>/locale/, the shared templates' in locale/, compiled by
# `manage.py compile_translations`, which `make install` runs) and the pages editors
# translate with wagtail-localize. English is the default and has no prefix in
# its addresses; Welsh pages live under /cy/.
LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email goes through django-anymail; ANYMAIL holds the provider's keys.
# EMAIL_BACKEND picks the provider, e.g. anymail.backends.mailgun.EmailBackend.
EMAIL_BACKEND = env("EMAIL_BACKEND", "anymail.backends.console.EmailBackend")  # production refuses it
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Campaign <campaign@example.org>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ANYMAIL = {
    key: value
    for key, value in {
        "MAILGUN_API_KEY": env("MAILGUN_API_KEY"),
        "MAILGUN_SENDER_DOMAIN": env("MAILGUN_SENDER_DOMAIN"),
        "POSTMARK_SERVER_TOKEN": env("POSTMARK_SERVER_TOKEN"),
        "BREVO_API_KEY": env("BREVO_API_KEY"),
        "SENDGRID_API_KEY": env("SENDGRID_API_KEY"),
        # "user:password" the provider's webhook sends (basic auth) to /anymail/<provider>/tracking/;
        # Mailgun signs its posts with its own key instead, SendGrid may (core/subscriptions/webhook_providers.py)
        "WEBHOOK_SECRET": env("ANYMAIL_WEBHOOK_SECRET"),
        "MAILGUN_WEBHOOK_SIGNING_KEY": env("MAILGUN_WEBHOOK_SIGNING_KEY"),
        "SENDGRID_TRACKING_WEBHOOK_VERIFICATION_KEY": env("SENDGRID_TRACKING_WEBHOOK_VERIFICATION_KEY"),
        "AMAZON_SES_CLIENT_PARAMS": {"region_name": env("AWS_SES_REGION")} if env("AWS_SES_REGION") else None,
    }.items()
    if value
}

# Background work: emails are sent by tasks. Immediate here; production
# stores them in the database for `manage.py run_workers` to send and retry.
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}
# A worker that has not renewed its lease for TASK_LEASE_SECONDS (it was killed)
# gives the tasks it held back to the queue (core/task_leases.py).
TASK_LEASE_SECONDS = float(env("TASK_LEASE_SECONDS", "60"))
# The message header that carries an idempotency key to the email provider, for a
# provider core/email_sends.py does not already know to take one.
EMAIL_IDEMPOTENCY_HEADER = env("EMAIL_IDEMPOTENCY_HEADER", "")

# The site-wide settings (campaign name, contact details) that apps reach through core.site_settings.
SITE_SETTINGS_MODEL = "home.SiteSettings"

WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", "Campaign")
# The site's public address, e.g. https://campaign.example.org: the demo loader gives the
# Wagtail Site this hostname and port, so printed QR codes and the sitemap name it.
PUBLIC_BASE_URL = env("PUBLIC_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "png", "jpg", "jpeg", "rtf", "txt", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# No Gravatar: the admin would send a hash of every staff member's email address to a third
# party (and show a broken picture where it cannot reach it). Wagtail's own avatar shows instead,
# or the picture each person uploads in their account settings.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO"), "propagate": False},
        "django_tasks": {"level": "WARNING"},
        "axes": {"level": "WARNING"},  # only lockouts, not every sign-in attempt with its username
    },
}

# Public forms: (submissions, per seconds) per client IP. Behind a load
# balancer set TRUSTED_PROXY_COUNT so the visitor's own address is counted.
# Signing's is a ceiling far above any meeting on one Wi-Fi: the only point
# where a signer is turned away. Below it, signing holds back instead
# (statements/screening.py): a network gets SIGNING_EMAIL_BUDGET confirmation
# emails an hour, and later signatures wait, saved, for an organiser.
RATE_LIMITS = {
    "sign": (int(env("RATE_LIMIT_SIGN", "2000")), 3600),
    "submit": (int(env("RATE_LIMIT_SUBMIT", "10")), 3600),
}
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
SIGNING_EMAIL_BUDGET = int(env("SIGNING_EMAIL_BUDGET", "10"))
# Organisers get one email an hour for a network or an email domain past this many signatures in the hour
# (a domain's is higher: the big webmail providers carry many real signers).
REVIEW_ALERTS = {
    "network": int(env("REVIEW_ALERT_NETWORK", "50")),
    "domain": int(env("REVIEW_ALERT_DOMAIN", "200")),
}
# Signatures keep a keyed hash of their network this many days, for review; then it is emptied.
NETWORK_HASH_DAYS = int(env("NETWORK_HASH_DAYS", "30"))
# The review keeps what it removed (name, town, email domain) this many days, for organisers to check.
REMOVED_SIGNATURE_DAYS = int(env("REMOVED_SIGNATURE_DAYS", "30"))

# Unconfirmed signatures are deleted after this many days, and finished task
# rows (ids, and a failure's traceback) after TASK_RESULT_DAYS, by the
# daily jobs that `manage.py run_scheduler` starts (statements/tasks.py, core/tasks.py).
UNCONFIRMED_SIGNATURE_DAYS = int(env("UNCONFIRMED_SIGNATURE_DAYS", "30"))
TASK_RESULT_DAYS = int(env("TASK_RESULT_DAYS", "7"))
# RSVPs lose the name, email and phone this many days after their event ends (campaign/events/tasks.py).
RSVP_RETENTION_DAYS = int(env("RSVP_RETENTION_DAYS", "30"))
# Hand-in packs (campaign/handin) older than this many days are deleted nightly, file and row.
HANDIN_PACK_DAYS = int(env("HANDIN_PACK_DAYS", "30"))
# A closed statement's signatures lose their names, emails, towns and roles this many months after it closed
# (statements/anonymise.py, nightly); the counts stay.
ANONYMISE_AFTER_MONTHS = int(env("ANONYMISE_AFTER_MONTHS", "6"))
# A host may message everyone coming to their activity this many times a day (campaign/hosts).
HOST_MESSAGES_PER_DAY = int(env("HOST_MESSAGES_PER_DAY", "3"))

# Email updates to subscribers (campaign/news/sending.py) go out in batches of
# UPDATE_BATCH_SIZE, at most UPDATE_EMAILS_PER_HOUR an hour: set it under the
# email provider's hourly limit, leaving room for confirmation emails.
UPDATE_BATCH_SIZE = int(env("UPDATE_BATCH_SIZE", "100"))
UPDATE_EMAILS_PER_HOUR = int(env("UPDATE_EMAILS_PER_HOUR", "6000"))
# A stall takes at most this many entries a minute and a day (across its devices); past either, entries are
# saved but held for review (campaign/stalls/ceiling.py). A busy stall signs a person every half minute.
STALL_CEILING = {
    "minute": int(env("STALL_CEILING_MINUTE", "20")),
    "day": int(env("STALL_CEILING_DAY", "400")),
}
