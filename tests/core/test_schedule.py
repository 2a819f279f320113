"""The daily jobs: registered on their timetable, and each does its work when run."""

from datetime import timedelta
from pathlib import Path

import pytest
from apscheduler.triggers.cron import CronTrigger
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core import tasks as core_tasks
from core.emails import send_email
from core.schedule import build_scheduler, scheduled_jobs
from statements import tasks as statement_tasks
from statements.models import Signature, SignatureCount
from tests.statements.factories import SignatureFactory

PROCFILE = Path(__file__).resolve().parents[2] / "Procfile"
JOBS = {
    "statements.tasks.purge_unconfirmed_signatures",
    "statements.tasks.recount_signatures",
    "statements.tasks.forget_removed_signatures",
    "core.tasks.prune_finished_tasks",
}


def test_every_app_declares_its_jobs_and_the_scheduler_runs_them_daily():
    assert set(scheduled_jobs()) >= JOBS
    scheduled = {job.id: job for job in build_scheduler().get_jobs()}
    assert set(scheduled) >= JOBS
    for path in JOBS:
        trigger = scheduled[path].trigger
        assert isinstance(trigger, CronTrigger)
        assert str(trigger.fields[trigger.FIELD_NAMES.index("day")]) == "*"  # every day
        assert str(trigger.timezone) == "Europe/London"


def test_the_procfile_runs_one_scheduler():
    lines = PROCFILE.read_text().splitlines()
    [scheduler] = [line for line in lines if line.startswith("scheduler:")]
    assert scheduler.endswith(" python manage.py run_scheduler")


@pytest.mark.django_db
def test_the_purge_job_deletes_old_unconfirmed_signatures(statement_page, settings):
    settings.UNCONFIRMED_SIGNATURE_DAYS = 30
    old = SignatureFactory(page=statement_page, unconfirmed=True)
    recent = SignatureFactory(page=statement_page, unconfirmed=True)
    confirmed = SignatureFactory(page=statement_page)
    Signature.objects.filter(pk__in=[old.pk, confirmed.pk]).update(created_at=timezone.now() - timedelta(days=31))

    statement_tasks.purge_unconfirmed_signatures.enqueue()

    assert set(Signature.objects.values_list("pk", flat=True)) == {recent.pk, confirmed.pk}


@pytest.mark.django_db
def test_the_recount_job_repairs_the_count_visitors_see(client, statement_page, site_settings):
    SignatureFactory.create_batch(2, page=statement_page)
    SignatureCount.reset(statement_page.pk, {Signature.Kind.PERSON: 7})  # drift
    assert 'data-total="7"' in client.get(statement_page.url).content.decode()

    statement_tasks.recount_signatures.enqueue()

    assert 'data-total="2"' in client.get(statement_page.url).content.decode()


@pytest.mark.django_db
def test_the_prune_job_forgets_finished_email_tasks_after_some_days(settings):
    settings.TASK_RESULT_DAYS = 7
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for _ in range(3):
        send_email.enqueue("statements/confirm", ["rosa@example.org"], {"name": "Rosa"})
    old, recent, waiting = DBTaskResult.objects.order_by("enqueued_at")
    now = timezone.now()
    DBTaskResult.objects.filter(pk=old.pk).update(status="SUCCESSFUL", finished_at=now - timedelta(days=8))
    DBTaskResult.objects.filter(pk=recent.pk).update(status="FAILED", finished_at=now - timedelta(days=6))

    core_tasks.prune_finished_tasks.call()

    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}


@pytest.mark.django_db
def test_each_scheduled_run_enqueues_its_task_on_a_fresh_connection(settings, monkeypatch):
    """The scheduler lives for weeks: each run drops a broken or stale database connection first."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    checks = []
    # Django's own check would close the test's connection (it runs inside a transaction): count the calls.
    monkeypatch.setattr("core.schedule.close_old_connections", lambda: checks.append("checked"))
    job = build_scheduler().get_job("core.tasks.prune_finished_tasks")

    job.func(*job.args)

    assert DBTaskResult.objects.filter(task_path="core.tasks.prune_finished_tasks").count() == 1
    assert checks == ["checked", "checked"]  # before queueing, and after
