"""Conferences the motion can go on to, and the bodies whose delegations vote there, as editors keep them.

A conference takes motions from some kinds of body (CLPs, union branches
through their regions, trades councils) by a deadline before it starts; its
delegations vote by card weighted by the affiliated membership an editor
records for each body, with where the figure comes from.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from core.publish_clock import content_changed
from statements.models import OrganisationType


class Conference(index.Indexed, models.Model):
    """A conference a passed motion can be submitted to: Labour's, a union's, the TUC."""

    class Body(models.TextChoices):
        LABOUR_PARTY = "labour", "The Labour Party"
        UNION = "union", "A trade union"
        TUC = "tuc", "The TUC"
        OTHER = "other", "Another body"

    name = models.CharField(max_length=120, help_text="For example: Labour Party Conference 2027.")
    slug = models.SlugField(
        max_length=80, unique=True, blank=True, help_text="Its board's address; made from the name."
    )
    body = models.CharField("whose conference", max_length=10, choices=Body.choices)
    union = models.ForeignKey(
        "statements.Union",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="For a union's conference: which union.",
    )
    place = models.CharField(max_length=120, blank=True, help_text="For example: Liverpool.")
    starts_on = models.DateField("first day")
    ends_on = models.DateField("last day")
    motions_deadline = models.DateField("deadline for motions")
    amendments_deadline = models.DateField("deadline for amendments", null=True, blank=True)
    takes_from_clps = models.BooleanField("CLPs and Labour branches", default=False)
    takes_from_union_branches = models.BooleanField("union branches, through their regions", default=False)
    takes_from_trades_councils = models.BooleanField("trades councils", default=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("body"), FieldPanel("union")]),
        FieldPanel("place"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldRowPanel([FieldPanel("motions_deadline"), FieldPanel("amendments_deadline")]),
        MultiFieldPanel(
            [
                FieldPanel("takes_from_clps"),
                FieldPanel("takes_from_union_branches"),
                FieldPanel("takes_from_trades_councils"),
            ],
            heading="Where motions come from",
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["starts_on", "name"]

    def __str__(self):
        return self.name

    # A body's type (the motion report's) and the box that says the conference takes motions from it.
    SOURCES = {
        OrganisationType.LABOUR: "takes_from_clps",
        OrganisationType.UNION_BRANCH: "takes_from_union_branches",
        OrganisationType.TRADES_COUNCIL: "takes_from_trades_councils",
    }

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self.name, Conference.objects.exclude(pk=self.pk))
        super().save(*args, **kwargs)
        content_changed.send(sender=Conference)  # the boards and the motion page show its dates

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = "The last day comes before the first day."
        for name, label in (("motions_deadline", "motions"), ("amendments_deadline", "amendments")):
            deadline = getattr(self, name)
            if deadline and self.starts_on and deadline >= self.starts_on:
                errors[name] = (
                    f"The deadline for {label} must come before the conference starts ({self.starts_on:%-d %B %Y})."
                )
        if (
            self.amendments_deadline
            and self.motions_deadline
            and self.amendments_deadline < self.motions_deadline
            and "amendments_deadline" not in errors
        ):
            errors["amendments_deadline"] = "The deadline for amendments comes after the deadline for motions."
        if not any(getattr(self, name) for name in self.SOURCES.values()):
            errors["takes_from_clps"] = "Tick where motions come from: CLPs, union branches or trades councils."
        if self.body == self.Body.UNION and not self.union_id:
            errors["union"] = "Choose the union whose conference it is."
        if errors:
            raise ValidationError(errors)

    @property
    def organiser_name(self):
        return str(self.union) if self.body == self.Body.UNION and self.union_id else self.get_body_display()

    def takes_from(self, report):
        """Whether a body of this report's type (and union, for a union's conference) sends motions here."""
        if not getattr(self, self.SOURCES.get(report.body_type, ""), False):
            return False
        return self.body != self.Body.UNION or report.union_id == self.union_id

    def source_names(self):
        return [str(self._meta.get_field(name).verbose_name) for name in self.SOURCES.values() if getattr(self, name)]

    def has_happened(self, today):
        return self.ends_on < today

    def has_started(self, today):
        return self.starts_on <= today

    def deadlines(self):
        """(what, date) for each deadline, in order."""
        named = [("motions", self.motions_deadline), ("amendments", self.amendments_deadline)]
        return [(what, date) for what, date in named if date]

    def next_deadline(self, today):
        """(what, date) of the first deadline today or later, or None once both have passed."""
        return next(((what, date) for what, date in self.deadlines() if date >= today), None)


def unique_slug(name, others):
    base = slugify(name)[:70] or "conference"
    slug, number = base, 2
    while others.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


class AffiliatedBody(index.Indexed, models.Model):
    """A union or other body that sends a delegation, with the affiliated membership its card vote carries."""

    name = models.CharField(max_length=120, unique=True, help_text="As the conference names the delegation.")
    affiliated_membership = models.PositiveIntegerField(help_text="The members the body affiliates (its card vote).")
    source = models.CharField(
        "where the figure comes from",
        max_length=200,
        help_text="For example: Labour Party annual report 2026, page 112.",
    )
    as_of = models.DateField("figure as of", null=True, blank=True)

    panels = [FieldPanel("name"), FieldPanel("affiliated_membership"), FieldPanel("source"), FieldPanel("as_of")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "affiliated body"
        verbose_name_plural = "affiliated bodies"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        content_changed.send(sender=AffiliatedBody)  # the pledges' tallies weigh its membership
