"""What an organiser's bulk decision leaves behind (statements.review): the decision and each signature it removed.

Invalidated signatures are deleted with their email addresses, consents and
everything else personal. What stays is the decision (who, when, which group,
how many, how many had counted) and, for each removed signature, what an
organiser needs to recognise a real signer removed by mistake and ask them to
sign again: the name as it would be listed, the town, the email domain (never
the address), the statement, when they signed and how far they had got.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ReviewDecision(models.Model):
    wagtail_reference_index_ignore = True  # an audit record, not content

    class Action(models.TextChoices):
        RELEASE = "release", "Released"
        INVALIDATE = "invalidate", "Removed"

    made_at = models.DateTimeField(default=timezone.now)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=20, choices=Action.choices)
    group = models.CharField(max_length=300, help_text="The group as the review screen named it.")
    signatures = models.PositiveIntegerField(default=0)
    counted = models.PositiveIntegerField(default=0, help_text="How many of them had counted (invalidation only).")

    class Meta:
        ordering = ["-made_at"]

    def __str__(self):
        return f"{self.get_action_display()} {self.signatures}: {self.group}"


class RemovedSignature(models.Model):
    """One signature an invalidation deleted, as the review screen showed it."""

    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        HELD = "held", "Held for review"
        WAITING = "waiting", "Waiting for the signer to confirm"
        CONFIRMED = "confirmed", "Confirmed and counted"

    decision = models.ForeignKey(ReviewDecision, on_delete=models.CASCADE, related_name="removed")
    name = models.CharField(max_length=400, help_text="As the public list would have shown it.")
    town = models.CharField(max_length=80, blank=True)
    email_domain = models.CharField(max_length=254, blank=True)
    statement = models.CharField(max_length=255, help_text="The statement's title when it was removed.")
    signed_at = models.DateTimeField()
    status = models.CharField(max_length=20, choices=Status.choices)

    class Meta:
        ordering = ["-signed_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    @property
    def counted(self):
        return self.status == self.Status.CONFIRMED
