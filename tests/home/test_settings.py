"""Each settings module loads; production refuses to run without real secrets."""

import importlib
import subprocess
import sys

import pytest
from django.conf import settings

REAL_KEY = "k" * 20 + "-a-long-random-production-secret-key-0123456789"
# Everything production needs to start; each test leaves out or spoils one.
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": REAL_KEY,
    "ALLOWED_HOSTS": "campaign.example.org",
    "EMAIL_BACKEND": "anymail.backends.mailgun.EmailBackend",
    "MAILGUN_WEBHOOK_SIGNING_KEY": "a-mailgun-webhook-signing-key",
    "WAGTAILADMIN_BASE_URL": "https://campaign.example.org",
}


def run_manage(args, env):
    """Run manage.py in a fresh interpreter, so each settings module is imported from scratch."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_test_settings_use_anymail_test_backend_and_immediate_tasks():
    assert settings.EMAIL_BACKEND == "anymail.backends.test.EmailBackend"
    assert settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend")


@pytest.mark.parametrize("module", ["config.settings.base", "config.settings.dev", "config.settings.test"])
def test_settings_modules_import(module):
    assert importlib.import_module(module).INSTALLED_APPS


def test_production_refuses_to_start_without_secret_key():
    result = run_manage(["check"], {"DJANGO_SETTINGS_MODULE": "config.settings.production"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_the_development_key():
    result = run_manage(
        ["check"],
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "dev-only-insecure-key-do-not-use-in-production-at-all",
            "ALLOWED_HOSTS": "campaign.example.org",
        },
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_passes_check_deploy_without_warnings():
    result = run_manage(["check", "--deploy", "--fail-level", "WARNING"], PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "backend",
    [None, "", "anymail.backends.console.EmailBackend", "django.core.mail.backends.console.EmailBackend"],
)
def test_production_refuses_to_start_with_email_that_goes_nowhere(backend):
    """Signers would never get their confirmation link: every signature would stay uncounted."""
    env = {key: value for key, value in PRODUCTION.items() if key != "EMAIL_BACKEND"}
    if backend is not None:
        env["EMAIL_BACKEND"] = backend
    result = run_manage(["check"], env)
    assert result.returncode != 0
    assert "Set EMAIL_BACKEND to your email provider's django-anymail backend" in result.stderr


@pytest.mark.parametrize(
    "provider, secret",
    [
        ("mailgun", "MAILGUN_WEBHOOK_SIGNING_KEY"),
        ("postmark", "ANYMAIL_WEBHOOK_SECRET"),
        ("brevo", "ANYMAIL_WEBHOOK_SECRET"),
        ("amazon_ses", "ANYMAIL_WEBHOOK_SECRET"),
        ("sendgrid", "ANYMAIL_WEBHOOK_SECRET or SENDGRID_TRACKING_WEBHOOK_VERIFICATION_KEY"),
    ],
)
def test_production_refuses_to_start_without_the_providers_webhook_secret(provider, secret):
    """Its tracking webhook would take anyone's post: a forged complaint stops updates to any address."""
    env = {key: value for key, value in PRODUCTION.items() if key != "MAILGUN_WEBHOOK_SIGNING_KEY"}
    env["EMAIL_BACKEND"] = f"anymail.backends.{provider}.EmailBackend"
    result = run_manage(["check"], env)
    assert result.returncode != 0
    assert f"Set {secret} (see .env.example)" in result.stderr


@pytest.mark.parametrize(
    "provider, secret",
    [("postmark", "ANYMAIL_WEBHOOK_SECRET"), ("sendgrid", "SENDGRID_TRACKING_WEBHOOK_VERIFICATION_KEY")],
)
def test_production_starts_with_the_providers_webhook_secret(provider, secret):
    env = {**PRODUCTION, "EMAIL_BACKEND": f"anymail.backends.{provider}.EmailBackend", secret: "user:a-long-secret"}
    result = run_manage(["check"], env)
    assert result.returncode == 0, result.stderr


def test_production_refuses_to_start_without_the_sites_address():
    """Admin links in emails to organisers would point at the development server."""
    env = {key: value for key, value in PRODUCTION.items() if key != "WAGTAILADMIN_BASE_URL"}
    result = run_manage(["check"], env)
    assert result.returncode != 0
    assert "Set WAGTAILADMIN_BASE_URL to the site's address" in result.stderr


def test_production_requires_two_factor_for_whoever_sees_signers_emails():
    result = run_manage(
        [
            "shell",
            "--verbosity=0",
            "-c",
            "from django.conf import settings; print(settings.STAFF_2FA_REQUIRED_PERMISSIONS)",
        ],
        PRODUCTION,
    )
    assert result.stdout.strip() == "['statements.view_signature_email']", result.stderr


def test_production_plain_text_logs_are_scrubbed_like_the_json_lines():
    result = run_manage(
        [
            "shell",
            "--verbosity=0",
            "-c",
            "from django.conf import settings; print(settings.LOGGING['formatters']['plain']['()'])",
        ],
        PRODUCTION,
    )
    assert result.stdout.strip() == "core.logs.PlainFormatter", result.stderr


def test_database_url_selects_the_database():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from config.settings import base; print(base.DATABASES['default']['ENGINE'])",
        ],
        env={"PATH": "/usr/bin:/bin", "DATABASE_URL": "postgres://u@127.0.0.1:5432/db"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "django.db.backends.postgresql"
