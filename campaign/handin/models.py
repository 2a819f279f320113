"""What the hand-in app keeps: each run of blank signature sheets (its batch code) and each hand-in pack asked for.

A pack's PDF is a file in the default storage under an unguessable name; nothing links to
the storage's own URL: organisers download it through `views.download_pack`, which checks them.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from statements import batch_codes

# Codes a person copies from paper into the import (statements.batch_codes reads them back).
CODE_LETTERS = batch_codes.LETTERS
CODE_LENGTH = batch_codes.LENGTH


def new_batch_code():
    return "".join(secrets.choice(CODE_LETTERS) for _ in range(CODE_LENGTH))


def pack_file_name(pack, filename):
    """A name no visitor can guess, even if the storage's own URL for it were public."""
    return f"handin/{secrets.token_urlsafe(24)}/{filename}"


class SheetBatch(models.Model):
    """Blank sheets printed for one stall, meeting or branch: its code is on every sheet and in its QR code."""

    page = models.ForeignKey("statements.StatementPage", on_delete=models.CASCADE, related_name="+")
    code = models.CharField(max_length=12, unique=True, default=new_batch_code, editable=False)
    label = models.CharField(
        "who or what the sheets are for",
        max_length=100,
        blank=True,
        help_text="For example: Leeds market stall, Saturday. Only organisers see it.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "signature sheet batch"
        verbose_name_plural = "signature sheet batches"

    def __str__(self):
        return f"{self.code} {self.label}".strip()

    @property
    def source_code(self):
        """The source code the sheet's QR code carries (?src=...)."""
        return batch_codes.source_code(self.code)


class HandinPack(models.Model):
    """One hand-in pack asked for by an organiser, built in the background (tasks.build_handin_pack)."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        BUILDING = "building", "Building"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    page = models.ForeignKey("statements.StatementPage", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    requested_at = models.DateTimeField(default=timezone.now, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    finished_at = models.DateTimeField(null=True, blank=True)
    file = models.FileField(upload_to=pack_file_name, blank=True, max_length=200)
    pages = models.PositiveIntegerField(default=0)
    signatories = models.PositiveIntegerField("names listed", default=0)
    problem = models.TextField(blank=True, help_text="Why the build failed, for whoever looks after the site.")

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = "hand-in pack"

    def __str__(self):
        return f"Hand-in pack of {self.requested_at:%d %B %Y %H:%M}"
