"""Stall sessions, the devices they open on, and which event each signature gathered in person came from.

A stall's link or code opens it on at most `devices_allowed` devices and is spent after that, so a
leaked code opens nothing. The event is named by its lazy model string, not imported: campaign apps
are peers (ARCHITECTURE.md).
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from core.languages import localized
from statements.referrals import STALL_PREFIX

from .days import last_day_ends, signs_on, took_recently, why_not_today

# Letters and digits that cannot be mistaken for one another when read off a screen.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
# A device that was offline until after the stall closed may still send what it took then.
SYNC_GRACE = timedelta(hours=24)
MAX_DEVICES = 10


def hash_token(token):
    """What is stored of a device's secret: a reader of the database cannot sign as the device."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_key():
    return secrets.token_urlsafe(24)


def source_code_of(event_id):
    """A stall's source code: one per event, so a weekly stall's Saturdays and its devices add up together."""
    return f"{STALL_PREFIX}{event_id}"


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text):
    """What someone typed ("abcd-efgh ", "ABCD EFGH") as stored: upper case, letters and digits only."""
    return "".join(char for char in (text or "").upper() if char.isalnum())[: CODE_LENGTH * 2]


class StallQuerySet(models.QuerySet):
    def with_totals(self):
        """Each stall with `signed`: the signatures it took that still stand (one GROUP BY, not a query per row)."""
        return self.annotate(signed=models.Count("entries", filter=models.Q(entries__signature__isnull=False)))


class Stall(models.Model):
    """One event's signing session on a device: a link, a short code, and when it stops."""

    wagtail_reference_index_ignore = True  # bookkeeping, not content

    event = models.ForeignKey(
        "events.EventPage",
        on_delete=models.CASCADE,
        related_name="stalls",
        help_text="Events that have not ended. The stall link works until the end of the event's day "
        "(each of its dates, if it repeats).",
    )
    statement = models.ForeignKey(
        "statements.StatementPage",
        on_delete=models.CASCADE,
        related_name="stalls",
        help_text="What people sign at the stall.",
    )
    key = models.CharField(max_length=64, unique=True, default=new_key, editable=False)
    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=new_code, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_reason = models.CharField(
        "reason", max_length=200, blank=True, help_text="Shown on the stall's device, so keep it short and polite."
    )
    devices_allowed = models.PositiveSmallIntegerField(
        "devices",
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_DEVICES)],
        help_text="How many phones or tablets the link or code may open. After that it opens nothing more.",
    )
    # When the organisers were told that entries passed the stall's ceiling (once per stall).
    ceiling_alerted_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = StallQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "stall session"

    def __str__(self):
        return f"Stall at {self.event.title}"  # never the code: this text may reach a signer

    @property
    def display_code(self):
        half = CODE_LENGTH // 2
        return f"{self.code[:half]}-{self.code[half:]}"

    @property
    def closes_at(self):
        """The end of the event's last day (a weekly stall's last Saturday): it follows the event when it moves."""
        return last_day_ends(self.event)

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    def takes_devices(self, now=None):
        """Whether its link or code may still let a device in: until its last day ends, even between two dates."""
        now = now or timezone.now()
        return not self.is_revoked and now <= self.closes_at and not self.statement.is_closed(now)

    def is_open(self, now=None):
        """Whether it signs now: on the event's day, or on the day of each date of a repeating event that goes ahead."""
        now = now or timezone.now()
        return self.takes_devices(now) and signs_on(self.event, now)

    def takes_late_entries(self, now=None):
        """Whether a device may still send what it took while offline (until SYNC_GRACE after a day it signed).

        Not once the statement's signing has closed: a device cannot prove when it took an entry, so what it
        kept stays on it, with the reason shown, for an organiser to reopen signing or enter by hand.
        """
        now = now or timezone.now()
        return not self.is_revoked and not self.statement.is_closed(now) and took_recently(self.event, now, SYNC_GRACE)

    @property
    def closed_reason(self):
        """Why the stall signs nothing, as its device says it (in the device's page's language); empty while open.

        The organiser's own reason is added as they wrote it.
        """
        if self.is_revoked:
            reason = f" {self.revoked_reason}" if self.revoked_reason else ""
            return gettext("This stall link was switched off by an organiser.") + reason
        if self.statement.is_closed():
            closed_on = date_format(timezone.localtime(self.statement.closes_at), "j F Y")
            return gettext("Signing “%(title)s” closed on %(date)s: this stall takes no more signatures.") % {
                "title": localized(self.statement).title,  # the statement as the device shows it
                "date": closed_on,
            }
        if not self.takes_devices():
            if self.event.repeats:
                return gettext("This stall has closed: its link worked until the end of the event’s last day.")
            return gettext("This stall has closed: its link worked until the end of the event’s day.")
        if not self.is_open():
            return why_not_today(self.event, timezone.now())
        return ""

    def rotate(self):
        """A new link and code: the old ones open nothing; devices already open carry on."""
        self.key, self.code = new_key(), new_code()
        type(self).objects.filter(pk=self.pk).update(key=self.key, code=self.code)

    @property
    def source_code(self):
        """The source code its signatures carry (Signature.referral_code), so the sources' dashboard shows the stall."""
        return source_code_of(self.event_id)

    def signed_count(self):
        """Signatures taken here that still stand: an indexed count of one stall's rows, never of all signatures."""
        return self.entries.filter(signature__isnull=False).count()


class StallDevice(models.Model):
    """A phone or tablet the stall opened on: it signs there while its cookie matches and no organiser shut it out."""

    wagtail_reference_index_ignore = True

    stall = models.ForeignKey(Stall, on_delete=models.CASCADE, related_name="devices")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    browser = models.CharField(max_length=100, blank=True, help_text="What the device said it was, for organisers.")
    opened_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)
    shut_out_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["opened_at"]
        verbose_name = "stall device"

    def __str__(self):
        opened = date_format(timezone.localtime(self.opened_at), "j M, H:i")
        return f"{self.browser or 'A device'}, opened {opened}"

    @property
    def is_shut_out(self):
        return self.shut_out_at is not None


class InPersonSignature(models.Model):
    """A signature taken in person (at a stall, or on a paper sheet imported for an event), and its event.

    `client_id` is unique, so a device sending the same signature twice records it once. `signature` is
    empty when the address had signed already, or emptied on withdrawal: the row stays to know the id.
    """

    wagtail_reference_index_ignore = True

    signature = models.OneToOneField(
        "statements.Signature", null=True, blank=True, on_delete=models.SET_NULL, related_name="in_person"
    )
    event = models.ForeignKey("events.EventPage", on_delete=models.CASCADE, related_name="in_person_signatures")
    stall = models.ForeignKey(Stall, null=True, blank=True, on_delete=models.CASCADE, related_name="entries")
    device = models.ForeignKey(
        StallDevice, null=True, blank=True, on_delete=models.SET_NULL, related_name="entries", editable=False
    )
    client_id = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "signature taken in person"
        verbose_name_plural = "signatures taken in person"

    def __str__(self):
        return f"{self.event.title}: {'a signature' if self.signature_id else 'already signed or withdrawn'}"
