"""Delegates' pledges to support the motion at a conference, and the short notices sent to them that week."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from .checked import Checked


class DelegatePledge(Checked):
    """A delegate's word that they will support the motion: one per person (address) per conference."""

    wagtail_reference_index_ignore = True

    conference = models.ForeignKey("motion.Conference", on_delete=models.PROTECT, related_name="pledges")
    delegate_name = models.CharField("delegate's name", max_length=120)
    body = models.ForeignKey(
        "motion.AffiliatedBody", on_delete=models.PROTECT, related_name="pledges", verbose_name="delegation"
    )
    email_key = models.CharField(max_length=254, editable=False)
    notices = models.BooleanField("wants short notices in conference week", default=False)
    notices_stopped_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = "delegate's pledge"
        verbose_name_plural = "delegates' pledges"
        constraints = [
            models.UniqueConstraint(fields=["conference", "email_key"], name="motion_one_pledge_per_delegate")
        ]

    def __str__(self):
        return f"{self.delegate_name} ({self.body}) at {self.conference}"

    def save(self, *args, **kwargs):
        self.email_key = normalise_email(self.email)
        super().save(*args, **kwargs)

    @property
    def takes_notices(self):
        return self.notices and self.notices_stopped_at is None and self.is_verified


def normalise_email(address):
    return (address or "").strip().lower()


class ConferenceNotice(models.Model):
    """A short notice to the pledged delegates of one conference ("composite 4 is taken at 2.30 pm")."""

    conference = models.ForeignKey("motion.Conference", on_delete=models.CASCADE, related_name="notices")
    message = models.TextField(max_length=600)
    created = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return f"{self.conference}: {self.message[:40]}"


class NoticeDelivery(models.Model):
    """One delegate's copy of a notice: unique, so a notice reaches each delegate once."""

    notice = models.ForeignKey(ConferenceNotice, on_delete=models.CASCADE, related_name="deliveries")
    pledge = models.ForeignKey(DelegatePledge, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["notice", "pledge"], name="motion_notice_once_per_delegate")]

    def __str__(self):
        return f"Notice {self.notice_id} to pledge {self.pledge_id}"
