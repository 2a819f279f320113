"""The introductions' scheduled job (core.schedule): every hour, group signers who asked by place and
introduce each group once three are there (introducing.run, which says how it sends each email once)."""

from django_tasks import task

from core.schedule import scheduled

from . import introducing


@scheduled("20 * * * *")
@task()
def introduce_signers():
    """Join new askers to their places' groups and email the introductions that are due."""
    return introducing.run()
