"""Two workers sending the same update on PostgreSQL deliver each message exactly once.

Real threads with their own connections and transactions claim batches at
the same time (SELECT ... FOR UPDATE SKIP LOCKED, then one atomic change of
state); the test counts the messages in the test backend's outbox.
"""

import threading
from collections import Counter

import pytest
from django.core import mail
from django.db import connection, connections

from campaign.news import sending
from campaign.news.models import UpdateSend
from core.subscriptions.models import Subscriber
from tests.news.factories import UpdateIndexPageFactory, UpdatePageFactory

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.postgres]

RECIPIENTS = 240


@pytest.fixture(autouse=True)
def needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("concurrency tests need PostgreSQL (set DATABASE_URL); SQLite serialises all writes")


def test_two_workers_send_each_message_exactly_once(home_page, site_settings, settings):
    settings.UPDATE_BATCH_SIZE = 7
    page = UpdatePageFactory(parent=UpdateIndexPageFactory(parent=home_page), title="Both workers")
    page.save_revision().publish()
    Subscriber.objects.bulk_create(
        Subscriber(email=f"p{n}@example.org", status=Subscriber.Status.SUBSCRIBED) for n in range(RECIPIENTS)
    )
    send = UpdateSend.objects.create(page=page, revision=page.get_latest_revision())
    sending.prepare(send)
    barrier = threading.Barrier(2)
    batches, errors = Counter(), []

    def worker(name):
        try:
            barrier.wait()
            while sending.send_batch(send.pk):
                batches[name] += 1
            # A retried task after the end finds nothing left to send.
            sending.send_update.call(send.pk)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(name,)) for name in ("first", "second")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not errors, errors
    delivered = Counter(message.to[0] for message in mail.outbox if message.subject == "Both workers")
    assert len(delivered) == RECIPIENTS
    assert set(delivered.values()) == {1}
    send.refresh_from_db()
    assert (send.status, send.sent, send.failed, send.left) == ("done", RECIPIENTS, 0, 0)
    assert sum(batches.values()) == -(-RECIPIENTS // 7)  # every batch was a full claim, none repeated
