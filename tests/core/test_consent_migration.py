"""The data migration that takes stall codes out of consents already recorded (their text reaches the signer)."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from core.subscriptions.models import Consent, Subscriber

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REWRITE = ("core", "0005_consents_name_no_stall_code")


def migration_before(key):
    """The core migration the rewrite follows: migrating back to it unapplies only the rewrite."""
    migration = MigrationLoader(connection).get_migration(*key)
    return next(name for app, name in migration.dependencies if app == "core")


def test_the_migration_removes_stall_codes_from_old_consents():
    call_command("migrate", "core", migration_before(REWRITE), verbosity=0)
    subscriber = Subscriber.objects.create(email="rosa@example.org")
    at_stall = Consent.objects.create(
        subscriber=subscriber, form="stall: Street stall at Kirkgate Market (MBU5-687W)", wording_version="2026-01"
    )
    elsewhere = Consent.objects.create(
        subscriber=subscriber, form="the “Get involved (2026)” form", wording_version="2026-01"
    )

    call_command("migrate", "core", verbosity=0)

    at_stall.refresh_from_db()
    elsewhere.refresh_from_db()
    assert at_stall.form == "stall: Street stall at Kirkgate Market"
    assert elsewhere.form == "the “Get involved (2026)” form"  # brackets that hold no code are left alone
