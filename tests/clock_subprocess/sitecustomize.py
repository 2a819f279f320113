"""Give a Python subprocess of the tests the tests' clock (tests/clock.py puts this folder on its PYTHONPATH).

Python imports `sitecustomize` as it starts: a worker, gunicorn or a management command that a test starts
then reads the same moved, ticking clock as the test, rather than real time.
"""

import os
import time

try:
    import time_machine
except ImportError:  # an interpreter without the dev tools keeps real time
    time_machine = None

_offset = os.environ.get("TEST_CLOCK_OFFSET")
if _offset and time_machine is not None:
    time_machine.travel(time.time() + float(_offset), tick=True).start()
