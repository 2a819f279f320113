"""Activities supporters submit through the public form, for organisers to accept or reject."""

from django.db import models

from core.request_models import HandledRequest

from .details import EventDetails

# What a supporter fills in: the public form and the organisers' inspect screen list these, in this order.
SUBMITTED_FIELDS = (
    "title",
    "kind",
    "start",
    "end",
    "venue_name",
    "address",
    "town",
    "postcode",
    "online_url",
    "description",
    "organiser_name",
    "organiser_contact",
    "email",
)


class EventSubmission(EventDetails, HandledRequest):
    """An activity a supporter submitted; organisers accept it (making a draft EventPage) or reject it."""

    title = models.CharField("name of the activity", max_length=120)
    description = models.TextField(max_length=4000, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.TextField(blank=True)
    event_page = models.ForeignKey(
        "events.EventPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="submissions"
    )
    published_email_sent = models.DateTimeField(
        null=True, blank=True, help_text="When the submitter was told their event page is published."
    )

    class Status(models.TextChoices):
        NEW = "new", "New"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    class Meta(HandledRequest.Meta):
        verbose_name = "submitted activity"
        verbose_name_plural = "submitted activities"

    def __str__(self):
        return self.title

    def published_message(self, url):
        return f"Your activity “{self.title}” is now listed on the site: {url}\n\nThank you for organising it."
