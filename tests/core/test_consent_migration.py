"""The data migration that takes stall codes out of consents already recorded (their text reaches the signer).

Its function runs on the real models (the columns it touches are as it
found them): migrating back and forth inside a test empties Django's
content-type cache, which broke the next test that restores the database.
"""

from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from core.subscriptions.models import Consent, Subscriber

pytestmark = pytest.mark.django_db

REWRITE = "0005_consents_name_no_stall_code"


def test_the_migration_removes_stall_codes_from_old_consents():
    assert MigrationRecorder(connection).migration_qs.filter(app="core", name=REWRITE).exists()
    subscriber = Subscriber.objects.create(email="rosa@example.org")
    at_stall = Consent.objects.create(
        subscriber=subscriber, form="stall: Street stall at Kirkgate Market (MBU5-687W)", wording_version="2026-01"
    )
    elsewhere = Consent.objects.create(
        subscriber=subscriber, form="the “Get involved (2026)” form", wording_version="2026-01"
    )

    import_module(f"core.migrations.{REWRITE}").without_stall_codes(apps, None)

    at_stall.refresh_from_db()
    elsewhere.refresh_from_db()
    assert at_stall.form == "stall: Street stall at Kirkgate Market"
    assert elsewhere.form == "the “Get involved (2026)” form"  # brackets that hold no code are left alone
