"""The review's record of removed signatures is kept REMOVED_SIGNATURE_DAYS, then forgotten; the decisions stay."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from statements import tasks
from statements.models import RemovedSignature, ReviewDecision

pytestmark = pytest.mark.django_db


def decision_with_removed(days_ago, name):
    decision = ReviewDecision.objects.create(
        action=ReviewDecision.Action.INVALIDATE,
        group="One network",
        signatures=1,
        made_at=timezone.now() - timedelta(days=days_ago),
    )
    RemovedSignature.objects.create(
        decision=decision,
        name=name,
        town="Leeds",
        email_domain="example.org",
        statement="The statement",
        signed_at=decision.made_at - timedelta(hours=1),
        status=RemovedSignature.Status.HELD,
    )
    return decision


def test_the_nightly_job_forgets_old_removals_and_keeps_recent_ones_and_every_decision(settings):
    settings.REMOVED_SIGNATURE_DAYS = 30
    old = decision_with_removed(31, "Old Name")
    recent = decision_with_removed(29, "Recent Name")

    tasks.forget_removed_signatures.enqueue()

    assert list(RemovedSignature.objects.values_list("name", flat=True)) == ["Recent Name"]
    assert set(ReviewDecision.objects.values_list("pk", flat=True)) == {old.pk, recent.pk}


def test_an_organiser_can_forget_sooner_and_is_told_how_many(capsys):
    decision_with_removed(3, "A Name")
    decision_with_removed(1, "Another")

    call_command("forget_removed_signatures", "--days", "2")

    assert "Forgot 1 removed signature(s) from decisions older than 2 days." in capsys.readouterr().out
    assert list(RemovedSignature.objects.values_list("name", flat=True)) == ["Another"]
