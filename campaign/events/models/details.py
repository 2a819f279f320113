"""What an event and a submitted activity have in common: kind, times, place, organiser.

Times are stored in UTC and shown in the site's zone (settings.TIME_ZONE).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.regions import UK_REGIONS, region_for_postcode


class HttpsURLField(models.URLField):
    """A URL field whose forms add https:// (not http://) to a bare address someone types."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class EventKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    STALL = "stall", _("Street stall")
    OTHER = "other", _("Other activity")


class EventDetails(models.Model):
    """What an event and a submitted activity have in common, so accepting copies field by field."""

    kind = models.CharField(max_length=20, choices=EventKind.choices, default=EventKind.MEETING)
    start = models.DateTimeField(help_text="Date and time it starts, in the site's time zone.")
    end = models.DateTimeField(help_text="Date and time it ends.")
    venue_name = models.CharField("venue", max_length=200, help_text="For example: Friends Meeting House")
    address = models.TextField(max_length=500, blank=True, help_text="Street address, one line each.")
    town = models.CharField("town or area", max_length=100, help_text="Used to find events near you.")
    postcode = models.CharField(max_length=12, blank=True)
    region = models.CharField(
        "nation or region",
        max_length=20,
        choices=UK_REGIONS,
        blank=True,
        help_text="For the events finder's region filter. Left empty, it is found from the postcode.",
    )
    organiser_name = models.CharField("organiser", max_length=120)
    organiser_contact = models.CharField(
        "public contact",
        max_length=200,
        blank=True,
        help_text="Shown on the event: an email address, phone number or web page.",
    )
    online_url = HttpsURLField("online link", blank=True, help_text="A video call or live stream, if any.")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        """Fill in the region from the postcode when nobody chose one (core.regions: by area, offline)."""
        if not self.region and self.postcode:
            found = region_for_postcode(self.postcode)
            self.region = found if found in dict(UK_REGIONS) else ""
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": "The end must be after the start."})

    @property
    def is_past(self):
        return self.end is not None and self.end < timezone.now()

    @property
    def map_query(self):
        """Where it is, in one line, each part once: for a map search and a calendar's LOCATION."""
        parts = [self.venue_name, *self.address.splitlines(), self.town, self.postcode]
        kept = []
        for part in (part.strip() for part in parts):
            if part and part.lower() not in {item.lower() for item in kept}:
                kept.append(part)
        return ", ".join(kept)
