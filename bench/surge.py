"""Confirmation emails in a surge: the Procfile's worker line against a provider that takes 100 ms a message.

The signing runs leave thousands of confirmation emails queued, as a surge
does. This starts the Procfile's `worker` line exactly as written (through
`sh -c`, with the deployment's environment and its worker settings), with
bench.email_backends.SlowProviderBackend as the provider, and measures how
many emails a second it delivers once it is running. It then stops the
worker (SIGTERM, as a platform does) and checks that each message went once:
no recipient got two, and the outbox holds exactly as many messages as the
queue holds finished email tasks, none of them run by two workers.
"""

import json
import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from bench.servers import PYTHON, ROOT

PROVIDER = "bench.email_backends.SlowProviderBackend"


def procfile_line(name):
    """The Procfile's command for process `name`."""
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.startswith(f"{name}: "):
            return line.split(": ", 1)[1]
    raise LookupError(f"the Procfile has no {name} line")


@dataclass
class Surge:
    command: str
    seconds: float = 0.0
    delivered_in_window: int = 0
    delivered: int = 0
    recipients: int = 0
    finished_tasks: int = 0
    tasks_run_twice: int = 0
    queue_left: int = 0
    startup_seconds: float = 0.0
    log: str = ""

    @property
    def rate(self):
        return self.delivered_in_window / self.seconds if self.seconds else 0.0

    @property
    def each_once(self):
        return self.delivered == self.recipients == self.finished_tasks and not self.tasks_run_twice


def read_outbox(path):
    try:
        return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    except FileNotFoundError:
        return []


def stop_group(process, timeout=30):
    """SIGTERM the worker's process group and wait until every process in it has exited.

    Waiting for `sh` alone is not enough: the worker it started may still be
    finishing its last task (the email sent, its row not yet marked done),
    and counting then would find a delivered email without a finished task.
    """
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        process.poll()  # reaps sh once it exits
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=5)


def count_lines(path):
    try:
        with open(path, "rb") as outbox:
            return sum(1 for _ in outbox)
    except FileNotFoundError:
        return 0


def measure(env, workdir, name, seconds, tasks):
    """Run the worker for about `seconds` once it delivers; `tasks` reads the queue (bench.data)."""
    outbox = workdir / f"outbox-{name}.jsonl"
    log_path = workdir / f"worker-{name}.log"
    command = procfile_line("worker")
    worker_env = {
        **env,
        "PATH": f"{Path(PYTHON).parent}{os.pathsep}{env.get('PATH', '')}",
        "EMAIL_BACKEND": PROVIDER,
        "BENCH_OUTBOX": str(outbox),
    }
    before = tasks.finished_emails()
    started = time.monotonic()
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            ["sh", "-c", command],
            cwd=ROOT,
            env=worker_env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    surge = Surge(command=command)
    try:
        # The window opens once the workers deliver (Django's start-up is not the provider's pace).
        deadline = time.monotonic() + 120
        while count_lines(outbox) < 10 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        surge.startup_seconds = time.monotonic() - started
        first, opened = count_lines(outbox), time.monotonic()
        time.sleep(seconds)
        last, closed = count_lines(outbox), time.monotonic()
        surge.delivered_in_window, surge.seconds = last - first, closed - opened
        surge.queue_left = tasks.ready_emails()
    finally:
        stop_group(process)
    messages = read_outbox(outbox)
    surge.delivered = len(messages)
    surge.recipients = len({tuple(message["to"]) for message in messages})
    surge.finished_tasks = tasks.finished_emails() - before
    surge.tasks_run_twice = tasks.emails_run_twice()
    surge.log = log_path.read_text(errors="replace")[-3000:]
    return surge
