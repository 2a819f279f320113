#!/usr/bin/env python
"""Django's command-line entry point; development settings unless told otherwise.

The settings module comes from DJANGO_SETTINGS_MODULE. Development (`make run`)
sets nothing and gets config.settings.dev; every Procfile line that runs
manage.py sets config.settings.production unless the platform already set it,
so the worker, the scheduler and the release step never run development settings.
"""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
