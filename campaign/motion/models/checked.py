"""What a pathway step and a delegate's pledge share with a motion report: a confirmed email, then a second
officer's check."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Verification(models.TextChoices):
    PHONE = "phone", "Verified by phone"
    SECOND_OFFICER = "second_officer", "Second officer confirmed"
    OTHER = "other", "Other (see notes)"


class CheckedQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(verified_at__isnull=False)

    def waiting_for_verification(self):
        """Those whose sender confirmed the email and that no organiser has verified yet."""
        return self.filter(email_confirmed_at__isnull=False, verified_at__isnull=True)

    def confirmed(self):
        return self.filter(email_confirmed_at__isnull=False)


class Checked(models.Model):
    """A public form's record: its sender's address, confirmed by link, and an organiser's verification."""

    email = models.EmailField("sender's email")
    created = models.DateTimeField(default=timezone.now, db_index=True)
    email_confirmed_at = models.DateTimeField(null=True, blank=True)
    verified_at = models.DateTimeField(null=True, blank=True, db_index=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verification = models.CharField("how it was verified", max_length=20, choices=Verification.choices, blank=True)
    internal_notes = models.TextField(blank=True, max_length=4000, help_text="Seen only by organisers.")

    objects = CheckedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_verified(self):
        return self.verified_at is not None

    @property
    def is_waiting_for_verification(self):
        return self.email_confirmed_at is not None and not self.is_verified
