"""The postcode lookup's two tables: constituencies, and the postcodes that lead to them."""

from django.db import models

from core.regions import Region


class Constituency(models.Model):
    """A Westminster parliamentary constituency on current boundaries, by its ONS code (E14001234)."""

    wagtail_reference_index_ignore = True  # open data loaded by a command, not content

    code = models.CharField(max_length=9, unique=True)
    name = models.CharField(max_length=100)
    region = models.CharField("nation or region", max_length=20, choices=Region.choices, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "constituencies"

    def __str__(self):
        return self.name


class Postcode(models.Model):
    """One live UK postcode: the constituency it is in and where it is, for counts and "events near you".

    `postcode` is written without spaces and in capitals (core.regions.normalise_postcode); `outward`
    is its first half (LS6), so a visitor who gives only that still finds a place.
    """

    wagtail_reference_index_ignore = True

    postcode = models.CharField(max_length=8, primary_key=True)
    outward = models.CharField(max_length=4, db_index=True)
    constituency = models.CharField(max_length=9, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    def __str__(self):
        return f"{self.postcode[:-3]} {self.postcode[-3:]}"
