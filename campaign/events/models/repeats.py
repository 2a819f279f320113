"""What makes an event repeat (the weekly stall), its cancelled dates, and where the series ends.

The dates themselves are computed by `recurrence` from these few fields, never stored one by one.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from .. import recurrence
from ..recurrence import Repeat


class Repeating(models.Model):
    """An event's repeat rule, as an editor chooses it, and the end of its last occurrence (kept on save)."""

    repeats = models.CharField(
        "repeat",
        max_length=12,
        choices=Repeat.choices,
        default=Repeat.NEVER,
        blank=True,
        help_text="The start and end above are the first date; later dates keep the same time of day.",
    )
    repeat_until = models.DateField(
        "until", null=True, blank=True, help_text="The last date it may take place. Or give a number of times."
    )
    repeat_count = models.PositiveSmallIntegerField(
        "number of times",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(recurrence.MAX_REPEATS)],
        help_text="Or leave both empty: it repeats for two years.",
    )
    series_end = models.DateTimeField(
        null=True, editable=False, help_text="When the last occurrence ends (the end, for an event that never repeats)."
    )

    repeat_panels = [
        MultiFieldPanel(
            [FieldPanel("repeats"), FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")])],
            heading="Repeats",
            help_text="For a regular stall or meeting: one page, with its next dates and RSVPs for each date.",
        ),
        InlinePanel(
            "cancelled_occurrences",
            heading="Cancelled dates",
            label="Cancelled date",
            help_text="One date off, the others go ahead: visitors see it marked as cancelled, with the reason.",
        ),
    ]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.series_end = recurrence.last_end(self) if self.start and self.end else None
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        found = recurrence.problems(self)
        if found:
            raise ValidationError(found)


class OccurrenceCancellation(Orderable):
    """One date of a repeating event that does not take place, and why (shown to visitors)."""

    wagtail_reference_index_ignore = True

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="cancelled_occurrences")
    date = models.DateField(help_text="The date that is off.")
    reason = models.CharField(max_length=200, blank=True, help_text="For example: the market is closed.")

    class Meta(Orderable.Meta):
        verbose_name = "cancelled date"

    def __str__(self):
        return f"{self.date:%-d %B %Y}"
