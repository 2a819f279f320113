"""One task worker of run_workers: takes the next READY task from django-tasks-db's table and runs it.

Built on the library's public model (DBTaskResult: ready(), get_locked(),
claim(), set_successful(), set_failed()) and django-tasks' signals, as its own
db_worker command is, so several run side by side in threads of one process
and stop on our own event rather than on the command's internals. The claim
is SELECT ... FOR UPDATE SKIP LOCKED (an exclusive transaction on SQLite):
each task is taken by one worker.
"""

import logging

from django.db import OperationalError, close_old_connections
from django_tasks import TaskContext
from django_tasks.signals import task_finished, task_started
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

logger = logging.getLogger(__name__)


class TaskWorker:
    def __init__(self, worker_id, queue_names, backend_name, interval, stopping):
        self.worker_id = worker_id
        self.queue_names = queue_names
        self.backend_name = backend_name
        self.interval = interval
        self.stopping = stopping  # a threading.Event: once set, the worker ends after its current task

    def run(self):
        while not self.stopping.is_set():
            close_old_connections()  # one the database dropped since is replaced
            task = self.take()
            if task is None:
                self.stopping.wait(self.interval)
            else:
                run_task(task)

    def take(self):
        """The next due task of our queues, marked RUNNING under this worker's id; None if there is none."""
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if "*" not in self.queue_names:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        try:
            with exclusive_transaction(tasks.db):
                task = tasks.get_locked()
                if task is not None:
                    task.claim(self.worker_id)
                return task
        except OperationalError as error:
            if is_locked_database_exception(error):  # SQLite, busy: try again on the next round
                return None
            raise


def run_task(db_task):
    """Run one claimed task and record how it ended; a failure is recorded, never raised.

    A failure's task_finished is sent inside the except block, as django-tasks' own workers do, so the
    library's log line of it carries the traceback (and error reporting, core.error_reports, sends it).
    """
    try:
        task = db_task.task
        result = db_task.task_result
        sender = type(task.get_backend())
        task_started.send(sender=sender, task_result=result)
        if task.takes_context:
            value = task.call(TaskContext(task_result=result), *result.args, **result.kwargs)
        else:
            value = task.call(*result.args, **result.kwargs)
        db_task.set_successful(value)
    except Exception as error:  # noqa: BLE001 - the task's failure is its result
        db_task.set_failed(error)
        try:
            sender = type(db_task.task.get_backend())
        except Exception:  # noqa: BLE001 - the task itself cannot be loaded
            logger.exception("task failed and cannot be loaded", extra={"task": str(db_task.pk)})
            return
        task_finished.send(sender=sender, task_result=db_task.task_result)
    else:
        task_finished.send(sender=sender, task_result=db_task.task_result)
