"""Consents recorded before they named their source said only "the signing form of “<title>”" (or, at a
stall, "stall: <event>"): tie each to its signature, so withdrawing that signature takes the consent.

Only an unambiguous match is tied (the address's one signature that asked for updates on a statement of
that title, or its one such signature taken in person); anything else stays as it was.
"""

from django.db import migrations

SIGNING_FORM = "the signing form of “"
STALL = "stall: "


def candidates(Signature, consent):
    signatures = Signature.objects.filter(email_normalised=consent.subscriber.email, keep_informed=True)
    if consent.form.startswith(SIGNING_FORM) and consent.form.endswith("”"):
        return signatures.filter(page__title=consent.form[len(SIGNING_FORM) : -1])
    if consent.form.startswith(STALL):
        return signatures.filter(source="in_person")
    return signatures.none()


def link_old_consents(apps, schema_editor):
    Consent = apps.get_model("core", "Consent")
    Signature = apps.get_model("statements", "Signature")
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = Consent.objects.filter(source_type__isnull=True).select_related("subscriber")
    signature_type = None
    for consent in old.iterator():
        found = list(candidates(Signature, consent).values_list("pk", flat=True)[:2])
        if len(found) != 1:
            continue
        if signature_type is None:
            signature_type, _ = ContentType.objects.get_or_create(app_label="statements", model="signature")
        Consent.objects.filter(pk=consent.pk).update(source_type=signature_type, source_id=found[0])


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0003_consent_source"),
        ("statements", "0008_stall_hold"),
    ]

    operations = [migrations.RunPython(link_old_consents, migrations.RunPython.noop)]
