"""Which email provider's tracking webhook the site serves, and which secret authenticates its posts.

A post to the webhook can stop updates to any address, so it is served only
for the provider EMAIL_BACKEND names, and only once that provider's secret is
set. Plain data with no Django imports: production settings read it to refuse
to start without the secret (config/settings/production.py).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class TrackedProvider:
    name: str  # as anymail spells it: the webhook is /anymail/<name>/tracking/
    secrets: tuple  # ANYMAIL settings; any one of them set authenticates the provider's posts


BASIC_AUTH = "WEBHOOK_SECRET"  # "user:password" the provider sends with every post

PROVIDERS = {
    "anymail.backends.amazon_ses.EmailBackend": TrackedProvider("amazon_ses", (BASIC_AUTH,)),
    "anymail.backends.brevo.EmailBackend": TrackedProvider("brevo", (BASIC_AUTH,)),
    # Mailgun signs every post with the account's webhook signing key (anymail checks it).
    "anymail.backends.mailgun.EmailBackend": TrackedProvider("mailgun", ("MAILGUN_WEBHOOK_SIGNING_KEY",)),
    "anymail.backends.postmark.EmailBackend": TrackedProvider("postmark", (BASIC_AUTH,)),
    # SendGrid: basic auth, or its signed event webhook's public key.
    "anymail.backends.sendgrid.EmailBackend": TrackedProvider(
        "sendgrid", (BASIC_AUTH, "SENDGRID_TRACKING_WEBHOOK_VERIFICATION_KEY")
    ),
}


def tracked_provider(email_backend):
    """The provider whose tracking webhook is served with this EMAIL_BACKEND, or None (no webhook)."""
    return PROVIDERS.get(email_backend)


def is_authenticated(provider, anymail_settings):
    return any(anymail_settings.get(secret) for secret in provider.secrets)


def missing_secret(email_backend, anymail_settings):
    """What to set before the provider's webhook may be served, or None when nothing is missing."""
    provider = tracked_provider(email_backend)
    if provider is None or is_authenticated(provider, anymail_settings):
        return None
    variables = " or ".join(f"ANYMAIL_{name}" if name == BASIC_AUTH else name for name in provider.secrets)
    return (
        f"Set {variables} (see .env.example): without it anyone could post to "
        f"/anymail/{provider.name}/tracking/ and stop updates to any address."
    )
