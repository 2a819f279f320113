"""Run several task workers in one process: the Procfile's `worker`.

One worker runs one task at a time, and an email task spends most of its
time waiting for the provider's API, so one worker alone falls behind a
surge of signing (bench/RESULTS.md). This runs WORKER_THREADS workers
(core.task_worker) side by side, each in a thread with its own database
connection; each task is taken by one of them. Threads rather than processes:
the wait is on the network, which releases the GIL, and one process holds
Django and Wagtail in memory once.

The main thread renews the process's lease (core.task_leases) and gives back
the tasks of workers whose lease has lapsed (killed mid-task), as it starts
and every renewal after; and it keeps the queue's planner statistics fresh
(core.queue_statistics): stale ones make every claim read the whole queue.

SIGTERM or Ctrl-C lets every worker finish the task it is running, then
exits. If a worker stops on its own (the database went away), the others are
stopped and the command exits with status 1, so the platform restarts it.
"""

import logging
import os
import signal
import sys
import threading
import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections, connections
from django.utils.crypto import get_random_string
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, DEFAULT_TASK_QUEUE_NAME

from core import queue_statistics, task_leases
from core.task_worker import TaskWorker

logger = logging.getLogger(__name__)

DEFAULT_THREADS = 8


def threads_from_environment():
    return int(os.environ.get("WORKER_THREADS", DEFAULT_THREADS))


class Command(BaseCommand):
    help = "Run WORKER_THREADS database task workers (django-tasks) in threads of one process."

    def add_arguments(self, parser):
        parser.add_argument("--threads", type=int, default=None, help="workers to run (default: WORKER_THREADS, 8)")
        parser.add_argument("--interval", type=float, default=1.0, help="seconds to wait when the queue is empty")
        parser.add_argument("--queue-name", default=DEFAULT_TASK_QUEUE_NAME)

    def handle(self, *args, threads=None, interval=1.0, queue_name=DEFAULT_TASK_QUEUE_NAME, **options):
        count = threads or threads_from_environment()
        if count < 1:
            self.stderr.write("WORKER_THREADS must be at least 1.")
            sys.exit(2)
        process = get_random_string(12)
        stopping = threading.Event()
        workers = [
            TaskWorker(
                worker_id=task_leases.worker_id(process, number),
                queue_names=queue_name.split(","),
                backend_name=DEFAULT_TASK_BACKEND_ALIAS,
                interval=interval,
                stopping=stopping,
            )
            for number in range(count)
        ]

        def stop(signum, frame):
            stopping.set()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        runners = [threading.Thread(target=run, args=(worker,), name=worker.worker_id) for worker in workers]
        keep_lease(process)  # before the first claim, so no other process takes this one for dead
        refresh_statistics()  # before the first claim: a worker may start on a queue a surge has filled
        for runner in runners:
            runner.start()
        self.stdout.write(f"{count} task workers running (queue {queue_name}).")
        next_renewal = time.monotonic() + task_leases.renew_every()
        next_check = time.monotonic() + queue_statistics.CHECK_EVERY
        while any(runner.is_alive() for runner in runners):
            if time.monotonic() >= next_renewal and not stopping.is_set():
                next_renewal = time.monotonic() + task_leases.renew_every()
                keep_lease(process)
            if time.monotonic() >= next_check and not stopping.is_set():
                next_check = time.monotonic() + queue_statistics.CHECK_EVERY
                refresh_statistics()
            for runner in runners:
                runner.join(timeout=min(1.0, task_leases.renew_every()) / len(runners))
                if not runner.is_alive() and not stopping.is_set():
                    self.stderr.write(f"worker {runner.name} stopped; stopping the others.")
                    stopping.set()
                    for other in runners:
                        other.join()
                    sys.exit(1)
        give_up_lease(process)
        connections.close_all()


def run(worker):
    """One worker's loop in its own thread; its database connection is closed when it ends."""
    try:
        worker.run()
    finally:
        connections.close_all()


def keep_lease(process):
    """Renew this process's lease, then give back the tasks of processes whose lease lapsed; never stops the workers."""
    close_old_connections()
    try:
        task_leases.renew(process)
        given_back = task_leases.requeue_abandoned()
    except DatabaseError:
        logger.warning("could not renew the workers' lease", exc_info=True)
        return
    if given_back:
        logger.warning("tasks of a dead worker given back to the queue", extra={"tasks": given_back})


def give_up_lease(process):
    try:
        task_leases.release(process)
    except DatabaseError:
        logger.warning("could not give up the workers' lease", exc_info=True)


def refresh_statistics():
    """The queue's statistics, refreshed if stale; a failure is logged, never stops the workers."""
    close_old_connections()  # one the database dropped since is replaced
    try:
        if queue_statistics.refresh():
            logger.info("task queue analyzed: its statistics were stale")
    except DatabaseError:
        logger.warning("could not refresh the task queue's statistics", exc_info=True)
