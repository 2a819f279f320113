"""CPU seconds each part of the stack spent on a measurement: a cost that other load on the machine barely moves.

On a machine others share, requests a second depend on what else runs; the
CPU time the app's own processes spend per request does far less. A
comparison measured both ways can then be judged by both: on an idle
2-core machine, where the stack is CPU bound, the rate ratio follows the
inverse of the CPU-per-request ratio. Read from /proc (Linux): gunicorn's
master and workers, the PostgreSQL backends connected to the deployment's
database, the Redis server (shared: others' commands count too) and wrk
itself (this process's finished children).
"""

import os
import resource
from dataclasses import dataclass, field
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")
PARTS = ("gunicorn", "postgres", "redis", "wrk")


def process_seconds(pid):
    """utime + stime of one process, in seconds (0 once it has gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS  # fields 14 and 15 of proc(5), after "pid (comm)"


def children_of(pid):
    """Direct children of `pid` (gunicorn's workers of its master)."""
    try:
        tasks = Path(f"/proc/{pid}/task").iterdir()
        found = []
        for task in tasks:
            found += [int(child) for child in (task / "children").read_text().split()]
        return found
    except FileNotFoundError:
        return []


def postgres_backends(db_name):
    """Pids of the PostgreSQL backends connected to `db_name` (the app's, not this process's own)."""
    from bench.servers import _admin_connection

    with _admin_connection() as connection:
        rows = connection.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", [db_name]).fetchall()
    return [pid for (pid,) in rows]


def redis_server_pid():
    import redis

    from bench.servers import HOST, REDIS_PORT

    return redis.Redis(host=HOST, port=REDIS_PORT).info("server")["process_id"]


def wrk_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Spent:
    """CPU seconds per part while `requests` were answered."""

    seconds: dict = field(default_factory=dict)
    requests: int = 0

    @property
    def total(self):
        return sum(self.seconds.values())

    def per_request_ms(self, part=None):
        spent = self.total if part is None else self.seconds.get(part, 0.0)
        return spent / self.requests * 1000 if self.requests else 0.0


class Meter:
    """Reads the parts' CPU seconds before and after a measurement (a gunicorn server and its database)."""

    def __init__(self, server, db_name):
        self.server, self.db_name = server, db_name

    def reading(self):
        """{(part, pid): CPU seconds so far}; wrk's under pid 0 (this process's finished children)."""
        master = self.server.process.pid
        pids = {
            "gunicorn": [master, *children_of(master)],
            "postgres": postgres_backends(self.db_name),
            "redis": [redis_server_pid()],
        }
        reading = {(part, pid): process_seconds(pid) for part, part_pids in pids.items() for pid in part_pids}
        reading["wrk", 0] = wrk_seconds()
        return reading

    def measure(self, run_wrk):
        """Run `run_wrk()` (which returns a load.Run); returns (the Run, Spent).

        Per process: a backend Django opened during the run (CONN_MAX_AGE
        renews them) counts whole; one that closed counts nothing, which
        loses at most its share of the run.
        """
        before = self.reading()
        run = run_wrk()
        after = self.reading()
        spent = dict.fromkeys(PARTS, 0.0)
        for (part, pid), seconds in after.items():
            spent[part] += max(0.0, seconds - before.get((part, pid), 0.0))
        return run, Spent(spent, run.requests)
