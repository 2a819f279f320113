"""A request that supporters send in and organisers work through: print orders, speaker invitations, activities.

`HandledRequest` holds what every request has once (the requester's email,
the status, when it came and changed, who has it, notes, the last message
sent) and builds the status email's words, so the edit screens
(core.request_forms, core.admin) and the emails (core.request_emails) find
the same names everywhere. An app's model adds only its own fields, its
`Status` and what each status tells the requester.
"""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel

# The organisers' own fields, for inspect screens and exports after what the requester sent.
STAFF_FIELDS = ("assigned_to", "internal_notes", "last_message")


class RequestStatusField(models.CharField):
    """A request's status, whose choices are its model's own `Status` (a TextChoices with a NEW member).

    Migrations see a plain CharField, as before the field moved here.
    """

    def contribute_to_class(self, cls, name, *args, **kwargs):
        if not cls._meta.abstract:
            statuses = getattr(cls, "Status", None)
            if statuses is None or "NEW" not in statuses.__members__:
                raise TypeError(f"{cls.__name__} needs a Status (models.TextChoices) with a NEW member.")
            self.choices = statuses.choices
        super().contribute_to_class(cls, name, *args, **kwargs)

    def deconstruct(self):
        name, _, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs


class HandledRequest(models.Model):
    """The abstract base of every request: subclass it, declare `Status`, and add the request's own fields.

    For status emails, set `status_email_template` (registered with
    `core.request_emails.register_status_email`), `status_messages` (a status:
    its words, with `{reference}` and whatever `message_details()` gives) and
    `answer_status`/`answer_label` (the usual answer's button).
    """

    wagtail_reference_index_ignore = True  # a visitor's request, not content (see Signature)

    email = models.EmailField()
    status = RequestStatusField(max_length=12, default="new", db_index=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    updated = models.DateTimeField(auto_now=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    internal_notes = models.TextField(blank=True, max_length=4000, help_text="Seen only by organisers.")
    # Kept because the email task carries only ids (core.request_forms.StatusEmailForm).
    last_message = models.TextField(
        "message to the requester", blank=True, max_length=4000, help_text="The last message emailed to them."
    )

    status_email_template = ""  # "<app>/<name>": the email an organiser may send on a change of status
    status_messages = {}
    answer_status = None
    answer_label = ""

    class Meta:
        abstract = True
        ordering = ["-created"]

    def message_details(self):
        """What the model's `status_messages` name besides `{reference}`."""
        return {}

    def status_message(self, status):
        """What the requester is told when an organiser moves the request to `status` ("" for nothing)."""
        words = self.status_messages.get(status, "")
        return words.format(reference=self.pk, **self.message_details()) if words else ""


def answer_panels(*answer_fields):
    """The top of a request's edit screen: the status, what answering needs (`answer_fields`), the email, staff."""
    names = ("status", *answer_fields, "email_requester", "last_message", "assigned_to", "internal_notes")
    return [FieldPanel(name) for name in names]


def sent_panels(names):
    """What the requester sent, shown but not editable."""
    return [FieldPanel(name, read_only=True) for name in names]
