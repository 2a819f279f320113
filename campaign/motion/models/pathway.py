"""A passed motion's way through a conference, one row per step, and the deadline reminders sent for it.

Each step (submitted, accepted or ruled out, composited, debated, the
result) is its own row, reported and checked like a motion report. Rows,
not more columns on MotionReport: a report goes to several conferences,
each step has its own reporter, date and check, and a new kind of step is a
new choice rather than a migration widening every report.
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .checked import Checked

MOST_VOTES = 50_000_000  # a card vote counts affiliated members: millions, never billions


class PathwayStep(Checked):
    wagtail_reference_index_ignore = True  # a visitor's report, not content

    class Stage(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        RULED_OUT = "ruled_out", _("Ruled out of order")
        COMPOSITED = "composited", _("Composited")
        DEBATED = "debated", _("Debated")
        RESULT = "result", _("Result")

    class Result(models.TextChoices):
        CARRIED = "carried", _("Carried")
        LOST = "lost", _("Lost")
        REMITTED = "remitted", _("Remitted")

    report = models.ForeignKey("motion.MotionReport", on_delete=models.CASCADE, related_name="steps")
    conference = models.ForeignKey("motion.Conference", on_delete=models.PROTECT, related_name="steps")
    stage = models.CharField(max_length=12, choices=Stage.choices)
    happened_on = models.DateField("date")
    reporter_role = models.CharField("reporter's role", max_length=100)
    submitted_by = models.CharField("submitted by", max_length=160, blank=True)
    composite_name = models.CharField("composite", max_length=60, blank=True, help_text="For example: Composite 4.")
    composited_with = models.CharField("composited with", max_length=500, blank=True)
    composited_with_reports = models.ManyToManyField(
        "motion.MotionReport", blank=True, related_name="+", verbose_name="composited with these reported bodies"
    )
    result = models.CharField(max_length=10, choices=Result.choices, blank=True)
    card_for = models.PositiveIntegerField(null=True, blank=True, validators=[MaxValueValidator(MOST_VOTES)])
    card_against = models.PositiveIntegerField(null=True, blank=True, validators=[MaxValueValidator(MOST_VOTES)])
    card_abstain = models.PositiveIntegerField(null=True, blank=True, validators=[MaxValueValidator(MOST_VOTES)])

    class Meta:
        ordering = ["happened_on", "pk"]
        verbose_name = "pathway step"
        constraints = [
            # Among verified steps: an unconfirmed report of a stage (a typo, or mischief) blocks no one.
            models.UniqueConstraint(
                fields=["report", "conference", "stage"],
                condition=models.Q(verified_at__isnull=False),
                name="motion_one_verified_step_of_each_stage",
            )
        ]

    def __str__(self):
        return f"{self.report.body_name} at {self.conference}: {self.get_stage_display().lower()}"

    @property
    def has_card_vote(self):
        return self.card_for is not None or self.card_against is not None


# Where a stage stands on the way: the board shows each body at the furthest of its verified steps.
STAGE_RANK = {
    PathwayStep.Stage.SUBMITTED: 1,
    PathwayStep.Stage.RULED_OUT: 2,
    PathwayStep.Stage.ACCEPTED: 2,
    PathwayStep.Stage.COMPOSITED: 3,
    PathwayStep.Stage.DEBATED: 4,
    PathwayStep.Stage.RESULT: 5,
}


class DeadlineReminder(models.Model):
    """The one reminder a reporter gets before each of a conference's deadlines (for motions, for amendments):
    its row keeps it to one."""

    class Deadline(models.TextChoices):
        MOTIONS = "motions", "Deadline for motions"
        AMENDMENTS = "amendments", "Deadline for amendments"

    report = models.ForeignKey("motion.MotionReport", on_delete=models.CASCADE, related_name="+")
    conference = models.ForeignKey("motion.Conference", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Deadline.choices, default=Deadline.MOTIONS)
    deadline = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "conference", "kind"], name="motion_one_reminder_per_deadline")
        ]

    def __str__(self):
        return f"Reminder of {self.deadline:%-d %B %Y}"
