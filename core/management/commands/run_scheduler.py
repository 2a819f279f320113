"""Run the daily jobs on their timetable: the Procfile's `scheduler` process (run exactly one)."""

from django.core.management.base import BaseCommand

from core.schedule import build_scheduler


class Command(BaseCommand):
    help = "Enqueue every app's scheduled jobs (core.schedule) at their times; runs until stopped."

    def handle(self, *args, **options):
        scheduler = build_scheduler()
        for job in scheduler.get_jobs():
            self.stdout.write(f"{job.id}: {job.trigger}")
        scheduler.start()  # blocks; SIGTERM or Ctrl-C ends it
