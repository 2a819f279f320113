"""/health/: is this app server able to serve? For load balancers and uptime checks.

Without the database, 503, so a load balancer takes the server out. Without the shared cache, 200
"degraded": every server still serves (core.shared_cache), and a 503 would take them all out at once.
Others get only the status; staff, or a request carrying HEALTH_TOKEN, also see each check and the email
queue. A queue never changes the status, but one that only grows means signers get no confirmation links.
"""

import logging
import time
from hmac import compare_digest

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.db.models import Count, Min
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .emails import send_email
from .shared_cache import FallbackRedisCache

logger = logging.getLogger(__name__)

WAITING = [TaskResultStatus.READY, TaskResultStatus.RUNNING]


def database_works():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("health check failed", extra={"check": "database"})
        return False
    return True


def cache_works():
    """Redis answers a PING (its stand-in would hide an outage from a round trip); any other cache, a round trip.

    Not logged: a load balancer asks often, and core.shared_cache logs an outage once.
    """
    backend = caches["default"]
    if isinstance(backend, FallbackRedisCache):
        return backend.reachable()
    key, value = "health:probe", str(time.monotonic())
    try:
        backend.set(key, value, 10)
        return backend.get(key) == value
    except Exception:  # noqa: BLE001 - any failure means the cache does not work
        return False


def email_queue():
    """{"length": emails waiting or being sent, "oldest_seconds": the oldest one's wait, or None}.

    Read from a partial index of unfinished rows (core migration 0001): its cost follows the queue, not the
    finished rows kept. A retried email is a new row, so its wait counts from the retry.
    """
    waiting = DBTaskResult.objects.filter(status__in=WAITING, task_path=send_email.module_path)
    summary = waiting.aggregate(length=Count("pk"), oldest=Min("enqueued_at"))
    oldest = summary["oldest"]
    return {
        "length": summary["length"],
        "oldest_seconds": round((timezone.now() - oldest).total_seconds()) if oldest else None,
    }


def carries_token(request):
    token = getattr(settings, "HEALTH_TOKEN", "")
    given = request.headers.get("Authorization", "")
    return bool(token) and compare_digest(given.encode(), f"Bearer {token}".encode())


def is_staff(request):
    """A signed-in staff member (sessions live in the database: only asked when it works)."""
    user = getattr(request, "user", None)
    return user is not None and user.is_active and user.is_staff


@never_cache
def health(request):
    database, cache = database_works(), cache_works()
    if not database:
        status, code = "failing", 503
    else:
        status, code = ("ok" if cache else "degraded"), 200
    body = {"status": status}
    if carries_token(request) or (database and is_staff(request)):
        body |= {"database": "ok" if database else "failing", "cache": "ok" if cache else "down"}
        if database:
            try:
                body["email_queue"] = email_queue()
            except Exception:  # noqa: BLE001 - the numbers are extra: never fail the check for them
                logger.exception("health could not read the email queue")
                body["email_queue"] = None
    return JsonResponse(body, status=code)
