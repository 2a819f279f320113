"""The README's backup advice works: a dump taken while people sign restores, its counts hold, and the site serves it.

The commands are read from README.md's *Backups* paragraph and run as written
(pg_dump, createdb and pg_restore from PATH, through `sh`) against this test's
PostgreSQL database while threads sign and confirm. The restored database is
then checked by `manage.py recount_signatures --check` and asked for the
statement page, in a process whose DATABASE_URL names it; it is dropped at
the end.

PostgreSQL only; skipped with the reason elsewhere.
"""

import json
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import connection, connections
from django.test import Client
from django.utils.crypto import get_random_string

from statements import signing
from statements.models import Signature
from tests.statements.visitor import PERSON

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.postgres]

ROOT = Path(__file__).resolve().parents[2]
SIGNERS = 4
PROGRAMS = ("pg_dump", "createdb", "pg_restore", "python manage.py recount_signatures")
CHECK = "python manage.py recount_signatures --check"
# In the restored database: the README's `python manage.py recount_signatures --check` (through
# call_command, sparing a second start of Django), then the statement page as a visitor asks for it.
ON_THE_RESTORED_SITE = """
import io, json, re
from django.core.management import call_command
from django.test import Client
from statements.models import Signature, StatementPage
checked = io.StringIO()
call_command("recount_signatures", "--check", stdout=checked)
page = StatementPage.objects.get()
response = Client().get(page.url)
shown = re.search(r'data-total="(\\d+)"', response.content.decode())
print(json.dumps({"checked": checked.getvalue(), "status": response.status_code,
                  "shown": shown and int(shown.group(1)), "confirmed": Signature.objects.confirmed().count()}))
"""


@pytest.fixture(autouse=True)
def needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("SKIPPED backup and restore: the README's pg_dump and pg_restore need PostgreSQL (DATABASE_URL)")
    missing = [program for program in ("pg_dump", "createdb", "pg_restore", "dropdb") if not shutil.which(program)]
    if missing:
        pytest.skip(f"SKIPPED backup and restore: {', '.join(missing)} not on PATH (Debian: postgresql-client)")


def readme_backup_commands():
    """The pg_dump, createdb and pg_restore commands README.md's *Backups* paragraph gives, as written."""
    readme = (ROOT / "README.md").read_text()
    paragraph = readme[readme.index("**Backups**") :].split("\n\n")[0].replace("\n", " ")
    commands = re.findall(r"`([^`]+)`", paragraph)
    return [next(command for command in commands if command.startswith(f"{program} ")) for program in PROGRAMS]


def database_url(name):
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def run(command, env, cwd):
    """A README command through the shell, as an operator types it (or a list of arguments, run as it is).

    Its output; the test fails with it if it fails.
    """
    path = f"{Path(sys.executable).parent}:/usr/bin:/bin"
    arguments = ["sh", "-c", command] if isinstance(command, str) else command
    result = subprocess.run(arguments, cwd=cwd, env={"PATH": path, **env}, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def keep_signing(page, number, stop):
    """Sign through the form and confirm, one signer after another, until `stop` is set."""
    client = Client()
    try:
        signed = 0
        while not stop.is_set():
            email = f"signer-{number}-{signed}@example.org"
            response = client.post(f"{page.url}sign/", {**PERSON, "name": f"Signer {number} {signed}", "email": email})
            assert response.status_code == 302, response.status_code
            signing.confirm(Signature.objects.get(email_normalised=email))
            signed += 1
    finally:
        connections.close_all()


def test_a_dump_taken_while_people_sign_restores_with_exact_counts_and_serves(
    statement_page, site_settings, settings, tmp_path
):
    settings.SIGNING_EMAIL_BUDGET = 100_000  # one test network signs for everyone: none held back
    dump, create, restore, check = readme_backup_commands()
    restored = f"restored_{get_random_string(8).lower()}"
    env = {"DATABASE_URL": database_url(connection.settings_dict["NAME"]), "RESTORED_URL": database_url(restored)}

    stop = threading.Event()
    signers = [threading.Thread(target=keep_signing, args=(statement_page, n, stop)) for n in range(SIGNERS)]
    for signer in signers:
        signer.start()
    try:
        while Signature.objects.confirmed().count() < 20 and all(signer.is_alive() for signer in signers):
            stop.wait(0.05)
        before = Signature.objects.confirmed().count()
        run(dump, env, tmp_path)
        after = Signature.objects.confirmed().count()
    finally:
        stop.set()
        for signer in signers:
            signer.join(60)
    assert all(not signer.is_alive() for signer in signers)
    assert after > before >= 20, "people were signing while the dump was taken"

    try:
        run(create.replace("campaign_restored", restored), env, tmp_path)
        run(restore, env, tmp_path)
        restored_env = {**env, "DATABASE_URL": env["RESTORED_URL"], "DJANGO_SETTINGS_MODULE": "config.settings.test"}
        restored_site = [sys.executable, "manage.py", "shell", "-c", ON_THE_RESTORED_SITE]
        served = json.loads(run(restored_site, restored_env, ROOT).splitlines()[-1])
    finally:
        subprocess.run(
            ["dropdb", f"--maintenance-db={env['DATABASE_URL']}", "--if-exists", "--force", restored],
            capture_output=True,
            timeout=60,
        )

    assert check == CHECK  # what ON_THE_RESTORED_SITE runs
    assert "every kept count matches" in served["checked"]
    assert before <= served["confirmed"] <= after  # the moment of the snapshot, with every signature whole
    assert served["status"] == 200
    assert served["shown"] == served["confirmed"]
