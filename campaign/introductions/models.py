"""A group per place (a constituency or a union branch) of signers who asked to be introduced, and who is in it.

A signer is in a group through one confirmed signature (the person, not each statement they signed: one
membership per address in a place). A group is introduced once three members are active; each member's
`introduced_at` says their introduction email went, so nobody gets it twice and a fourth who joins later
gets theirs alone. A member who unticks, withdraws or leaves is `withdrawn_at` (or gone with the signature):
never introduced after that, and left out of every later message.
"""

from django.db import models
from django.utils import timezone

# Introduced once this many members in one place are active.
GROUP_SIZE = 3


class IntroductionGroup(models.Model):
    wagtail_reference_index_ignore = True  # signers' records, not content

    class Kind(models.TextChoices):
        CONSTITUENCY = "constituency", "Constituency"
        BRANCH = "branch", "Union branch"

    kind = models.CharField(max_length=12, choices=Kind.choices)
    # The constituency's ONS code, or the branch's normalised key (places.branch_key).
    key = models.CharField(max_length=255)
    name = models.CharField("place", max_length=255)
    created_at = models.DateTimeField(default=timezone.now)
    # When the first introductions went (null: fewer than three have asked so far).
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "introduction group"
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="introductions_one_group_per_place")]

    def __str__(self):
        return self.name


def still_in(prefix=""):
    """Members still in: not withdrawn, still asking, and with an address (anonymising empties it).

    `prefix` reaches memberships from another model ("members__" from a group), for counting them in one query.
    """
    return models.Q(
        **{
            f"{prefix}withdrawn_at__isnull": True,
            f"{prefix}signature__introduce_me": True,
            f"{prefix}signature__confirmed_at__isnull": False,
        }
    ) & ~models.Q(**{f"{prefix}signature__email_normalised": ""})


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(still_in())


class Membership(models.Model):
    wagtail_reference_index_ignore = True

    group = models.ForeignKey(IntroductionGroup, on_delete=models.CASCADE, related_name="members")
    # Withdrawing the signature deletes it, and this row with it.
    signature = models.ForeignKey("statements.Signature", on_delete=models.CASCADE, related_name="+")
    joined_at = models.DateTimeField(default=timezone.now)
    introduced_at = models.DateTimeField(null=True, blank=True)
    shares_address = models.BooleanField("shares their address with the group", default=False)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    # They left this group by its own link (not by unticking everywhere): ticking again never puts them back.
    left_group = models.BooleanField(default=False)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["joined_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["group", "signature"], name="introductions_one_membership_per_signature")
        ]

    def __str__(self):
        return f"{self.first_name} in {self.group}"

    @property
    def first_name(self):
        """All the group sees of a member's name."""
        words = (self.signature.name or "").split()
        return words[0] if words else "(a supporter)"

    @property
    def is_active(self):
        signature = self.signature
        return (
            self.withdrawn_at is None
            and signature.introduce_me
            and signature.confirmed_at is not None
            and bool(signature.email_normalised)
        )


class GroupMessage(models.Model):
    """A message a member wrote to their group through the site: kept as the log, relayed to each other member."""

    wagtail_reference_index_ignore = True

    group = models.ForeignKey(IntroductionGroup, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(Membership, null=True, on_delete=models.SET_NULL, related_name="messages")
    body = models.TextField(max_length=2000)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "message to a group"

    def __str__(self):
        return f"Message to {self.group} on {timezone.localtime(self.created_at):%-d %B %Y}"
