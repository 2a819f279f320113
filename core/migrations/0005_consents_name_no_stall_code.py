"""Consents given at a stall named it with its code ("stall: Street stall at Kirkgate Market (MBU5-687W)"),
and the signer saw that text in emails and on their "your data" page: the code opens the stall. Remove it."""

import re

from django.db import migrations

STALL_CODE = re.compile(r"\s*\([A-Z0-9]{4}-[A-Z0-9]{4}\)")


def without_stall_codes(apps, schema_editor):
    Consent = apps.get_model("core", "Consent")
    changed = []
    for consent in Consent.objects.filter(form__contains="(").only("pk", "form").iterator():
        form = STALL_CODE.sub("", consent.form)
        if form != consent.form:
            consent.form = form
            changed.append(consent)
    Consent.objects.bulk_update(changed, ["form"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("core", "0004_email_sends_worker_heartbeats")]

    operations = [migrations.RunPython(without_stall_codes, migrations.RunPython.noop)]
