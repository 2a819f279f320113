"""Consents recorded before they named their signature are tied to it by a migration, so withdrawing takes them too.

The migration's function runs on the real models, as in tests/core/test_consent_migration.py.
"""

from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from core.subscriptions.models import Consent, Subscriber
from statements import signing
from tests.statements.factories import SignatureFactory

pytestmark = pytest.mark.django_db

LINK = "0009_link_old_consents"


def test_an_old_consent_is_tied_to_its_signature_and_goes_when_it_is_withdrawn(statement_page):
    assert MigrationRecorder(connection).migration_qs.filter(app="statements", name=LINK).exists()
    signature = SignatureFactory(page=statement_page, email="rosa@example.org", keep_informed=True)
    subscriber = Subscriber.objects.create(email="rosa@example.org", status=Subscriber.Status.SUBSCRIBED)
    old = Consent.objects.create(
        subscriber=subscriber, form=f"the signing form of “{statement_page.title}”", wording_version="2026-01"
    )
    elsewhere = Consent.objects.create(subscriber=subscriber, form="the “Get involved” form", wording_version="2026-01")

    import_module(f"statements.migrations.{LINK}").link_old_consents(apps, None)

    old.refresh_from_db()
    assert old.source == signature
    signing.withdraw(signature)
    assert list(Consent.objects.all()) == [elsewhere]  # the other form's consent is nobody's signature's
