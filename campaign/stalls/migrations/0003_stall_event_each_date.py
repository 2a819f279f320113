import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0009_event_constituency"),
        ("stalls", "0002_devices_and_ceiling"),
    ]

    operations = [
        migrations.AlterField(
            model_name="stall",
            name="event",
            field=models.ForeignKey(
                help_text="Events that have not ended. The stall link works until the end of the event's day "
                "(each of its dates, if it repeats).",
                on_delete=django.db.models.deletion.CASCADE,
                related_name="stalls",
                to="events.eventpage",
            ),
        ),
    ]
