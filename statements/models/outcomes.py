"""What a statement is for and what came of it: whom it asks, when it was handed in, what they answered.

Targets ("Labour's National Executive Committee", an MP) are kept once by editors; each statement
asks some of them (`Ask`, optionally from a number of signatures). Hand-ins and answers are drafted
and published like pages (Wagtail's DraftStateMixin): the statement's timeline shows published ones
only, and publishing, unpublishing or deleting one moves the publish clock, so cached statement pages
show the change at once.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin
from wagtail.search import index
from wagtail.signals import published, unpublished

from core.publish_clock import content_changed


class Target(index.Indexed, models.Model):
    """Someone a statement asks to act: a committee, a union's executive, an MP."""

    name = models.CharField(
        max_length=150, unique=True, help_text="As visitors know them: Labour’s National Executive Committee."
    )
    description = models.CharField(
        max_length=300, blank=True, help_text="Optional: one sentence saying who they are or why we ask them."
    )
    link = models.URLField(blank=True, help_text="Optional: their website, or a page about them.")

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Ask(Orderable):
    """A statement asks a target (in the order editors give), optionally once it reaches a number of signatures."""

    page = models.ForeignKey("statements.StatementPage", on_delete=models.CASCADE, related_name="asks")
    target = models.ForeignKey(Target, on_delete=models.PROTECT, related_name="asks")
    what_we_ask = models.CharField(
        "what we ask of them",
        max_length=200,
        blank=True,
        help_text="Optional, following their name: “to respond”, “to put the motion to conference”.",
    )
    threshold = models.PositiveIntegerField(
        "at signatures",
        null=True,
        blank=True,
        help_text="Optional: the number of signatures at which we ask them, for example 1000.",
    )

    class Meta(Orderable.Meta):
        verbose_name = "statement target"
        constraints = [models.UniqueConstraint(fields=["page", "target"], name="one_ask_per_target")]

    def __str__(self):
        return f"{self.page.title}: {self.target.name}"

    def clean(self):
        if self.threshold == 0:
            raise ValidationError({"threshold": "Give a number above 0, or leave it empty."})


class Step(DraftStateMixin, RevisionMixin, models.Model):
    """What hand-ins and answers share: their statement and date, drafted and published like pages."""

    page = models.ForeignKey("statements.StatementPage", on_delete=models.CASCADE, related_name="+")
    date = models.DateField(default=timezone.localdate, help_text="The day it happened (UK time).")

    # Each subclass names its GenericRelation to Wagtail's revisions `_revisions`.
    noun = "step"

    class Meta:
        abstract = True
        ordering = ["-date", "-pk"]

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        errors = {}
        self.clean_date(errors)
        self.clean_details(errors)
        if errors:
            raise ValidationError(errors)

    def clean_date(self, errors):
        """Refused: a date still to come, or one before the statement was first published."""
        if self.date is None:
            return
        if self.date > timezone.localdate():
            errors["date"] = f"This date is in the future: record the {self.noun} on or after the day it happens."
            return
        if not self.page_id:
            return
        launched = self.page.first_published_at
        if launched is None:
            errors["page"] = f"This statement has not been published yet: publish it before recording a {self.noun}."
        elif self.date < timezone.localdate(launched):
            errors["date"] = (
                f"The statement was launched on {date_format(timezone.localdate(launched), 'j F Y')}: "
                f"a {self.noun} cannot be dated before that."
            )

    def clean_details(self, errors):
        """Each kind's own rules."""


class HandIn(Step):
    """The statement handed in: where, by whom, to whom, with how many signatures and a photo."""

    place = models.CharField(max_length=200, help_text="Where: “Labour Party head office, London”.")
    handed_in_by = models.CharField(
        "handed in by", max_length=200, help_text="Who handed it in: “A delegation of branch secretaries”."
    )
    target = models.ForeignKey(
        Target,
        verbose_name="handed to",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Optional: whom it was handed to.",
    )
    signature_count = models.PositiveIntegerField(
        "signatures at the time",
        null=True,
        blank=True,
        help_text="Filled in from the count when left empty; change it if you handed in a different number.",
    )
    photo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    photo_alt = models.CharField(
        "photo description",
        max_length=200,
        blank=True,
        help_text="Describe the photo for people who cannot see it (otherwise the image’s own description).",
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="hand_in")

    noun = "hand-in"

    class Meta(Step.Meta):
        verbose_name = "hand-in"
        # Wagtail makes this after every migrate too, but after the apps' grants (statements comes first).
        permissions = [("publish_handin", "Can publish hand-in")]

    def __str__(self):
        return f"Hand-in of {self.page.title if self.page_id else 'a statement'}, {date_format(self.date, 'j M Y')}"

    def clean_details(self, errors):
        if self.signature_count is None and self.page_id:
            self.signature_count = self.page.counts()["total"]  # the kept counts, as the page shows them


class Answer(Step):
    """What a target (or someone not on the list) answered: a quote, a link or a document, or several."""

    target = models.ForeignKey(
        Target,
        verbose_name="answered by",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Whoever answered, if they are one of the targets.",
    )
    answered_by = models.CharField(
        "or, someone else",
        max_length=200,
        blank=True,
        help_text="Who answered, when they are not one of the targets: “The Shadow Chancellor’s office”.",
    )
    quote = models.TextField(max_length=2000, blank=True, help_text="Their words, as they wrote or said them.")
    link = models.URLField(blank=True, help_text="Where their answer can be read.")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Their letter or statement, uploaded.",
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="answer")

    noun = "response"

    class Meta(Step.Meta):
        verbose_name = "response"
        permissions = [("publish_answer", "Can publish response")]

    def __str__(self):
        return f"Response from {self.answerer or 'someone'}, {date_format(self.date, 'j M Y')}"

    @property
    def answerer(self):
        return self.target.name if self.target_id else self.answered_by

    def clean_details(self, errors):
        if not self.target_id and not self.answered_by.strip():
            errors["answered_by"] = "Say who answered: choose one of the targets, or type a name here."
        if not (self.quote.strip() or self.link or self.document_id):
            errors["quote"] = "Give their answer: a quote, a link to it or an uploaded document (or more than one)."


@receiver([post_save, post_delete], sender=Target)
@receiver([post_save, post_delete], sender=Ask)
@receiver([published, unpublished, post_delete], sender=HandIn)
@receiver([published, unpublished, post_delete], sender=Answer)
def show_on_statement_pages(sender, **kwargs):
    """A target renamed, an ask added, a hand-in or answer published or withdrawn: cached statement pages go."""
    content_changed.send(sender=sender)
