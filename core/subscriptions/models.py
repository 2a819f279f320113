"""A subscriber (one row per address) and each consent they gave."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.languages import active_language

from .wording import text_of


def normalise(email):
    """The form an address is kept and matched in: trimmed, lower-cased."""
    return (email or "").strip().lower()


class SubscriberQuerySet(models.QuerySet):
    def receiving(self):
        """Addresses that asked for updates, proved it, and have not stopped, bounced or complained."""
        return self.filter(status=Subscriber.Status.SUBSCRIBED)


class Subscriber(models.Model):
    """An address and whether it gets updates now.

    The row stays after someone stops updates (with the consents that show
    what they had agreed to) until they withdraw entirely, which deletes it.
    A fresh confirmed consent subscribes again.
    """

    wagtail_reference_index_ignore = True  # people, not content

    class Status(models.TextChoices):
        # Shown to the person on their "your data" page, in its language.
        PENDING = "pending", _("Waiting for the address to be confirmed")
        SUBSCRIBED = "subscribed", _("Receiving updates")
        UNSUBSCRIBED = "unsubscribed", _("Stopped updates")
        BOUNCED = "bounced", _("Stopped: the address bounced")
        COMPLAINED = "complained", _("Stopped: marked as spam")

    email = models.EmailField(max_length=254, unique=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)
    stopped_at = models.DateTimeField(null=True, blank=True)
    # The language they asked for updates in (the address's, core.languages): their emails come in it.
    language = models.CharField(max_length=16, blank=True, default=active_language, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["email"]

    def __str__(self):
        return self.email

    @property
    def is_receiving(self):
        return self.status == self.Status.SUBSCRIBED


class Consent(models.Model):
    """One "yes" to updates: when it was given, on which form, to which words, and when it was proven.

    `source` is the record it was given with (a signature, an RSVP), which an
    app passes in: withdrawing that record takes the consent with it, unless
    the person chooses to keep their updates (consent.withdraw_from).
    `confirmed_at` is when the address's owner proved it was theirs (the
    signature's confirm button, or the emailed link of another form): until
    then anyone could have typed the address, so an unconfirmed consent sends
    nothing.
    """

    wagtail_reference_index_ignore = True

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consents")
    given_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    form = models.CharField(max_length=200, help_text="Where it was given, as the person saw it.")
    wording_version = models.CharField(max_length=30)
    # The language the words were shown in (core.subscriptions.wording): they are shown again in it, whatever
    # the language of the page that shows them.
    wording_language = models.CharField(max_length=16, default=settings.LANGUAGE_CODE, editable=False)
    source_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")

    class Meta:
        ordering = ["-given_at"]
        indexes = [models.Index(fields=["source_type", "source_id"], name="consent_source")]

    def __str__(self):
        return f"{self.form}, {self.given_at:%Y-%m-%d}"

    @property
    def language(self):
        """The person's language here: the email asking them to confirm comes in it (core.emails.email_language),
        even when it is queued outside their request (a stall's held signature released by an organiser)."""
        return self.wording_language

    @property
    def wording(self):
        """The words the person agreed to, in the language they read them in."""
        return text_of(self.wording_version, self.wording_language)
