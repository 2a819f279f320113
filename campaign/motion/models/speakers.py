"""Invitations for a campaign speaker, worked through by organisers in the admin."""

from django.core.validators import MaxValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel

# What a person fills in when inviting a speaker: the form, the admin's read-only
# panels and the CSV export all list these, in this order.
SPEAKER_REQUEST_FIELDS = (
    "organisation",
    "branch",
    "contact_name",
    "email",
    "phone",
    "proposed_dates",
    "format",
    "place",
    "audience_size",
    "notes",
)


class SpeakerRequest(models.Model):
    """An invitation for a campaign speaker, worked through by organisers in the admin."""

    wagtail_reference_index_ignore = True  # a visitor's request, not content (see Signature)

    class Status(models.TextChoices):
        NEW = "new", "New"
        IN_HAND = "in_hand", "In hand"
        ARRANGED = "arranged", "Speaker arranged"
        DECLINED = "declined", "Declined"

    class Format(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        ONLINE = "online", "Online"
        EITHER = "either", "Either"

    page = models.ForeignKey("motion.MotionPage", null=True, on_delete=models.SET_NULL, related_name="+")
    organisation = models.CharField(max_length=160)
    branch = models.CharField("branch or group", max_length=160, blank=True)
    contact_name = models.CharField(max_length=120)
    email = models.EmailField()
    phone = models.CharField(max_length=40, blank=True)
    proposed_dates = models.CharField("proposed date or dates", max_length=300)
    format = models.CharField("in person or online", max_length=12, choices=Format.choices, default=Format.EITHER)
    place = models.CharField("place", max_length=300, blank=True)
    audience_size = models.PositiveIntegerField(
        "expected audience", null=True, blank=True, validators=[MaxValueValidator(100_000)]
    )
    notes = models.TextField(blank=True, max_length=2000)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NEW, db_index=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    updated = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("status"),
        *(FieldPanel(name, read_only=True) for name in SPEAKER_REQUEST_FIELDS),
    ]

    class Meta:
        ordering = ["-created"]
        verbose_name = "speaker request"

    def __str__(self):
        return f"{self.organisation} ({self.contact_name})"
