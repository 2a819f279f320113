"""Invitations for a campaign speaker, worked through by organisers in the admin."""

from django.core.validators import MaxValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel

from core.request_models import HandledRequest

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


class SpeakerRequest(HandledRequest):
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
    speaker = models.CharField("speaker's name", max_length=120, blank=True)
    speaker_date = models.DateField("date of the talk", null=True, blank=True)

    answer_status = Status.ARRANGED  # the usual answer: its button and the prefilled message
    answer_label = "Speaker arranged"
    status_email_template = "motion/speaker_status"

    panels = [
        FieldPanel("status"),
        FieldPanel("speaker"),
        FieldPanel("speaker_date"),
        FieldPanel("email_requester"),
        FieldPanel("last_message"),
        FieldPanel("assigned_to"),
        FieldPanel("internal_notes"),
        *(FieldPanel(name, read_only=True) for name in SPEAKER_REQUEST_FIELDS),
    ]

    class Meta:
        ordering = ["-created"]
        verbose_name = "speaker request"

    def __str__(self):
        return f"{self.organisation} ({self.contact_name})"

    def status_message(self, status):
        """What the requester is told when an organiser moves the request to `status` ("" for nothing)."""
        if status == self.Status.IN_HAND:
            return f"We have your speaker request (reference {self.pk}) and are looking for a speaker for you."
        if status == self.Status.ARRANGED:
            who = self.speaker or "A campaign speaker"
            when = f" on {self.speaker_date:%-d %B %Y}" if self.speaker_date else ""
            return f"Good news: {who} will speak at your meeting{when}. We will be in touch about the details."
        if status == self.Status.DECLINED:
            return f"We are sorry: we cannot send a speaker for your request (reference {self.pk}) this time."
        return ""
