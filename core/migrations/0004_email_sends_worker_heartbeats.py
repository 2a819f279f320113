import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("core", "0003_consent_source")]

    operations = [
        migrations.CreateModel(
            name="EmailSend",
            fields=[
                ("key", models.UUIDField(primary_key=True, serialize=False)),
                ("template", models.CharField(max_length=100)),
                (
                    "state",
                    models.CharField(
                        choices=[("sending", "sending"), ("sent", "sent")], default="sending", max_length=8
                    ),
                ),
                ("handovers", models.PositiveSmallIntegerField(default=1)),
                ("provider_message_id", models.CharField(blank=True, max_length=255)),
                ("started_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("sent_at", models.DateTimeField(blank=True, null=True)),
            ],
            options={
                "indexes": [models.Index(fields=["started_at"], name="core_emailsend_started")],
            },
        ),
        migrations.CreateModel(
            name="WorkerHeartbeat",
            fields=[
                ("process", models.CharField(max_length=64, primary_key=True, serialize=False)),
                ("beat_at", models.DateTimeField()),
            ],
        ),
    ]
