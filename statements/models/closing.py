"""A record of each time an editor reopened a closed statement, with the reason they gave."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class StatementReopening(models.Model):
    wagtail_reference_index_ignore = True  # an audit record, not content

    page = models.ForeignKey("statements.StatementPage", on_delete=models.CASCADE, related_name="reopenings")
    reopened_at = models.DateTimeField(default=timezone.now)
    reopened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(max_length=2000)
    closed_at = models.DateTimeField(help_text="When signing had closed.")
    closes_at = models.DateTimeField(null=True, blank=True, help_text="The new closing time, if one was set.")

    class Meta:
        ordering = ["-reopened_at"]

    def __str__(self):
        return f"{self.page} reopened {self.reopened_at:%Y-%m-%d}"
