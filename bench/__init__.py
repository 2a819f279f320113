"""Benchmarks of the real stack (gunicorn, WhiteNoise, PostgreSQL, Redis) on loopback.

Run with `make bench` (`python -m bench`). Every figure is a ratio to a
baseline measured by the same server in the same run, so the numbers mean the
same thing on a laptop and on the 2-core CI machine. bench/RESULTS.md holds
the last full run.
"""
