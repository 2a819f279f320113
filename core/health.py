"""/health/: is this app server able to serve? For load balancers and uptime checks.

Checks the database and the cache, the two things every request needs, and
answers 503 when either fails so a load balancer takes the server out.

It also shows the email queue: how many emails wait for the task worker and
how long the oldest has waited. A queue is not a failure (a surge fills it,
the worker empties it), so it never changes the status; but a queue that only
grows, or an oldest email hours old, means the worker is down or the provider
refuses, and signers are not getting their confirmation links. An uptime check
can alert on those numbers.
"""

import logging
import time

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Min
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .emails import send_email

logger = logging.getLogger(__name__)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    key = "health:probe"
    value = str(time.monotonic())
    cache.set(key, value, 10)
    if cache.get(key) != value:
        raise RuntimeError("the cache did not return what was stored")


CHECKS = {"database": check_database, "cache": check_cache}
WAITING = [TaskResultStatus.READY, TaskResultStatus.RUNNING]


def email_queue():
    """{"length": emails waiting or being sent, "oldest_seconds": the oldest one's wait, or None}.

    One aggregate read from a partial index of the unfinished rows (core's
    migration 0001), so its cost follows the queue, not the days of finished
    rows kept beside it. A retried email is a new row: its wait counts from
    the retry.
    """
    waiting = DBTaskResult.objects.filter(status__in=WAITING, task_path=send_email.module_path)
    summary = waiting.aggregate(length=Count("pk"), oldest=Min("enqueued_at"))
    oldest = summary["oldest"]
    return {
        "length": summary["length"],
        "oldest_seconds": round((timezone.now() - oldest).total_seconds()) if oldest else None,
    }


@never_cache
def health(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:  # noqa: BLE001 - any failure means unhealthy
            logger.exception("health check failed", extra={"check": name})
            results[name] = "failing"
        else:
            results[name] = "ok"
    healthy = all(result == "ok" for result in results.values())
    body = {"status": "ok" if healthy else "failing", **results}
    if results["database"] == "ok":
        try:
            body["email_queue"] = email_queue()
        except Exception:  # noqa: BLE001 - the numbers are extra: never fail the check for them
            logger.exception("health could not read the email queue")
            body["email_queue"] = None
    return JsonResponse(body, status=200 if healthy else 503)
