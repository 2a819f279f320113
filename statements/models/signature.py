"""A signature on a statement, by a person or on behalf of an organisation."""

from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.languages import active_language
from core.publish_clock import content_changed
from core.regions import Region
from core.subscriptions.sources import withdraw_from

from .counter import SignatureCount
from .movement import OrganisationType, count_keys

IDENTIFICATION_ONLY = "for identification only"


def normalise_email(email):
    """The form of an address used to spot a second signature: trimmed, lower-cased."""
    return (email or "").strip().lower()


# The fields that decide which kept counters a signature adds to.
COUNTED_FIELDS = ("kind", "confirmed_at", "region", "union_id", "union_other", "constituency")


def counted_as(kind, confirmed_at, region, union_id, union_other, constituency):
    return count_keys(confirmed_at is not None, kind, region, union_id, union_other, constituency)


def count_moves(page_id, was=(), now=()):
    """What `SignatureCount.change` does when a signature goes from adding to counters `was` to adding to `now`."""
    return {(page_id, key): -1 for key in was if key not in now} | {(page_id, key): 1 for key in now if key not in was}


# What the public lists show (SignatureQuerySet.public) and their indexes cover.
LISTED = models.Q(confirmed_at__isnull=False, show_publicly=True)
# Held back for an organiser (statements.screening): never emailed, never confirmed, never counted until released.
HELD = ~models.Q(held_because="")


class SignatureQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed(self):
        return self.filter(confirmed_at__isnull=True)

    def awaiting_confirmation(self):
        """Emailed and not yet confirmed: the held ones wait for an organiser instead."""
        return self.unconfirmed().filter(held_because="")

    def held(self):
        """Signatures waiting for an organiser to release or invalidate them (statements.review)."""
        return self.filter(HELD)

    def public(self):
        """Signatures that may be shown: confirmed, and the signer agreed."""
        return self.filter(LISTED)

    def listed(self):
        """Public signatures, newest first, with only the columns a list shows.

        page_id stays in: the page's related manager reads it on every row;
        confirmed_at too: it is half of a row's position in the signatories list.
        """
        return (
            self.public()
            .order_by("-confirmed_at", "-pk")
            .only("page_id", "kind", "name", "organisation", "role", "town", "confirmed_at")
        )


class Signature(models.Model):
    # Visitors' submissions are not content: keep them out of Wagtail's reference index
    # (one index task and rows per submission, and nothing an editor needs to trace).
    wagtail_reference_index_ignore = True

    class Kind(models.TextChoices):
        PERSON = "person", _("A person")
        ORGANISATION = "organisation", _("An organisation")

    class HeldBecause(models.TextChoices):
        NETWORK = "network", "Over the email budget of its network"
        DISPOSABLE = "disposable", "A disposable email address"
        STALL = "stall", "Past its stall's ceiling of entries"

    class Source(models.TextChoices):
        WEB = "web", "Signed on the website"
        PAPER = "paper", "Paper sheet"
        IMPORT = "import", "Imported"
        IN_PERSON = "in_person", "Signed in person, on a stall's device"

    page = models.ForeignKey("statements.StatementPage", on_delete=models.CASCADE, related_name="signatures")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PERSON)
    name = models.CharField("name", max_length=100)
    organisation = models.CharField(
        max_length=150,
        blank=True,
        help_text="For an organisation, its name; for a person, an optional union, branch or group.",
    )
    role = models.CharField(max_length=100, blank=True, help_text="The signer's role in the organisation.")
    email = models.EmailField(max_length=254, blank=True)
    email_normalised = models.CharField(max_length=254, blank=True, editable=False)
    town = models.CharField("town or area", max_length=80, blank=True)
    # Who it speaks for in the movement (statements/models/movement.py): counted by union and region.
    organisation_type = models.CharField(
        "type of organisation", max_length=20, choices=OrganisationType.choices, blank=True
    )
    union = models.ForeignKey(
        "statements.Union", null=True, blank=True, on_delete=models.PROTECT, related_name="signatures"
    )
    union_other = models.CharField("other union's name", max_length=100, blank=True)
    region = models.CharField("nation or region", max_length=20, choices=Region.choices, blank=True)
    # The ONS code of the Westminster constituency its postcode is in (core.places); never the postcode.
    constituency = models.CharField(max_length=9, blank=True)
    show_publicly = models.BooleanField("show name publicly", default=False)
    keep_informed = models.BooleanField("wants campaign updates", default=False)
    # The version of the words the signer ticked (core.subscriptions.wording); their consent
    # is recorded, and counts, only once the signature is confirmed (signing.confirm).
    keep_informed_wording = models.CharField(max_length=30, blank=True, editable=False)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.WEB)
    # The source code (`?src=`) of the link, poster, stall, partner's site or signer's share link it
    # came through: counted by source for organisers, and for a signer as "your link brought 12".
    referral_code = models.CharField("source code", max_length=40, blank=True)
    # Asked at signing and on the "your data" page: introduce me to supporters in my constituency or branch.
    introduce_me = models.BooleanField("wants introducing to supporters nearby", default=False)
    # The language they signed in (core.languages): their emails and "your data" page come in it. Empty: the default.
    language = models.CharField(max_length=16, blank=True, default=active_language, editable=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # When the one reminder to confirm went to a signer who had not (null: none sent).
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Why the signature waits for an organiser; empty for all others (statements.screening).
    held_because = models.CharField(max_length=20, choices=HeldBecause.choices, blank=True, editable=False)
    # A keyed hash of the signer's network (core.protection.network_key), never the address;
    # emptied after NETWORK_HASH_DAYS by statements.tasks.forget_signing_networks.
    network = models.CharField(max_length=32, blank=True, editable=False)

    objects = SignatureQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "email_normalised"],
                condition=~models.Q(email_normalised=""),
                name="one_signature_per_email_per_statement",
            )
        ]
        # The public lists (everyone, or one kind), newest first with the id as the tie-break:
        # the signatories list walks them by keyset (statements.views.signatories), so a deep
        # page starts reading at its position instead of counting past every newer row.
        indexes = [
            models.Index(fields=["page", "-confirmed_at", "-id"], condition=LISTED, name="signature_list_everyone"),
            models.Index(fields=["page", "kind", "-confirmed_at", "-id"], condition=LISTED, name="signature_list_kind"),
            # Only held rows: counting them for the dashboard and finding them to review stays cheap.
            models.Index(fields=["-created_at"], condition=HELD, name="signature_held"),
            # A constituency's page lists the public names there, newest first, walked like the list.
            models.Index(
                fields=["page", "constituency", "-confirmed_at", "-id"],
                condition=LISTED & ~models.Q(constituency=""),
                name="signature_list_constituency",
            ),
            # Counting what each source brought (the dashboard, "your link brought 12").
            models.Index(
                fields=["referral_code", "confirmed_at"],
                condition=~models.Q(referral_code=""),
                name="signature_referral",
            ),
        ]
        permissions = [
            ("view_signature_email", "Can see signers' email addresses"),
            ("export_signature", "Can export signatures as CSV"),
            ("import_signature", "Can import paper signatures"),
            ("review_signature", "Can release or invalidate signatures in bulk"),
        ]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        """Save, keeping the counts right when a confirmed signature is added or edited.

        Signing on the web saves unconfirmed rows (no count); paper imports save
        confirmed ones (+1); an organiser may change a signature's kind or
        confirmation in the admin (moved between counts).
        """
        self.email_normalised = normalise_email(self.email)
        before = None
        if not self._state.adding:
            before = type(self).objects.filter(pk=self.pk).values(*COUNTED_FIELDS).first()
            # An edit (an organiser hiding an abusive name, correcting a kind) of a counted
            # signature must not linger on cached pages; new signatures never purge (a surge).
            if (before and before["confirmed_at"]) or self.confirmed_at:
                content_changed.send(sender=Signature)
        # No savepoint of its own (as Django's own save): a caller that needs one opens it.
        with transaction.atomic(savepoint=False):
            super().save(*args, **kwargs)
            was = counted_as(**before) if before else ()
            SignatureCount.change(count_moves(self.page_id, was, self.count_keys))

    @property
    def count_keys(self):
        """The kept counters this signature adds 1 to: its kind, region and union, once confirmed."""
        return counted_as(**{name: getattr(self, name) for name in COUNTED_FIELDS})

    @property
    def keys_when_confirmed(self):
        """The counters it will add to when it is confirmed (signing.confirm)."""
        return count_keys(True, self.kind, self.region, self.union_id, self.union_other, self.constituency)

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    @property
    def is_held(self):
        return bool(self.held_because)

    @property
    def display_name(self):
        """How it reads in public lists: "Organisation, Name, Role", or "Name (Union, for identification only)".

        A person's union or branch only says who they are: the list must not read as the branch signing.
        """
        if self.kind == self.Kind.ORGANISATION:
            return ", ".join(part for part in (self.organisation, self.name, self.role) if part)
        if self.organisation:
            return f"{self.name} ({self.organisation}, {IDENTIFICATION_ONLY})"
        return self.name


@receiver(post_delete, sender=Signature)
def uncount_deleted_signature(sender, instance, **kwargs):
    """A confirmed signature that is withdrawn or deleted in the admin stops counting, and leaves cached pages."""
    if instance.confirmed_at:
        SignatureCount.change(count_moves(instance.page_id, was=instance.count_keys))
        content_changed.send(sender=Signature)


@receiver(post_delete, sender=Signature)
def forget_consents_of_deleted_signature(sender, instance, **kwargs):
    """A signature withdrawn, invalidated or deleted in the admin takes its consent to updates with it."""
    withdraw_from(instance)
