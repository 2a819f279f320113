"""Site words (the settings' words in each language); each site's English ones copied from its settings.

So an existing site can Translate them at once, before its settings are next saved.
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import home.models

WORDS = ("campaign_name", "tagline", "footer_text", "imprint_on_behalf_of")


def copy_the_english_words(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    SiteSettings, SiteWords = apps.get_model("home", "SiteSettings"), apps.get_model("home", "SiteWords")
    locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if locale is None:
        return
    for site_settings in SiteSettings.objects.all():
        words = {field: getattr(site_settings, field) for field in WORDS}
        SiteWords.objects.get_or_create(site_id=site_settings.site_id, locale=locale, defaults=words)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_accessibility_page"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="SiteWords",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("campaign_name", models.CharField(blank=True, max_length=120)),
                ("tagline", models.CharField(blank=True, max_length=200)),
                ("footer_text", models.CharField(blank=True, max_length=300)),
                (
                    "imprint_on_behalf_of",
                    models.CharField(
                        blank=True,
                        help_text=(
                            "Only if it is words to translate (a name stays as it is). The rest of the imprint "
                            "is written in each language by the site."
                        ),
                        max_length=200,
                        verbose_name="imprint: on behalf of",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        default=home.models.default_site_id,
                        help_text="The site these words are for (most campaigns have one).",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.site",
                    ),
                ),
            ],
            options={
                "verbose_name": "site words",
                "verbose_name_plural": "site words",
                "abstract": False,
                "constraints": [models.UniqueConstraint(fields=("site", "locale"), name="one_site_words_per_language")],
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.RunPython(copy_the_english_words, migrations.RunPython.noop),
    ]
