"""The audit line an organiser's bulk decision leaves behind (statements.review).

Invalidated signatures are deleted with everything they held; what stays is
this line: who decided, when, about which group, how many signatures it
touched and how many of them had counted. No name or address is kept.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ReviewDecision(models.Model):
    wagtail_reference_index_ignore = True  # an audit record, not content

    class Action(models.TextChoices):
        RELEASE = "release", "Released"
        INVALIDATE = "invalidate", "Invalidated"

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
