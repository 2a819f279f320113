"""Named sources: the links, posters, stalls, newsletters and partners' websites that bring signers.

A signature keeps the source code it came with (Signature.referral_code); organisers name the codes they
hand out here, so the dashboard says "Leeds Trades Council's website", not "ltc-embed". A partner's
website also lists the addresses allowed to show the sign form in a frame (statements.embeds).
"""

from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.publish_clock import content_changed

from ..embed_origins import validate_frame_origins


class NamedSource(models.Model):
    class Kind(models.TextChoices):
        PARTNER = "partner", "A partner's website (embedded sign form)"
        POSTER = "poster", "A poster or leaflet run"
        NEWSLETTER = "newsletter", "A newsletter or mailing"
        STALL = "stall", "A stall or meeting"
        OTHER = "other", "Other"

    code = models.SlugField(
        "source code",
        max_length=40,
        unique=True,
        help_text="Lower-case letters, digits and dashes; links carry it as ?src=code.",
    )
    name = models.CharField(max_length=100, help_text="As organisers know it, for example “Leeds TUC newsletter”.")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    frame_origins = models.TextField(
        "websites that may show the sign form",
        blank=True,
        validators=[validate_frame_origins],
        help_text="For a partner's website: its address, one per line, for example https://leedstuc.example.org.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


@receiver([post_save, post_delete], sender=NamedSource)
def forget_pages_framed_for_a_partner(sender, **kwargs):
    """A partner's embed pages are cached with its name and framing: an edit or removal shows at once."""
    content_changed.send(sender=NamedSource)
