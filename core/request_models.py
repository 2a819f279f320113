"""What organisers keep on every request they work through: who has it, their notes, the last message sent.

Print orders, speaker invitations and submitted activities all inherit it,
so their edit screens (core.request_forms, core.admin) find the same fields
under the same names and the three stay alike.
"""

from django.conf import settings
from django.db import models


class HandledRequest(models.Model):
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    internal_notes = models.TextField(blank=True, max_length=4000, help_text="Seen only by organisers.")
    # Kept because the email task carries only ids (core.request_forms.StatusEmailForm).
    last_message = models.TextField(
        "message to the requester", blank=True, max_length=4000, help_text="The last message emailed to them."
    )

    class Meta:
        abstract = True
