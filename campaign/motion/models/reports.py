"""The motion tracker: a report of where the model motion stands in a named body (a branch, a council, a CLP).

Anyone may report, giving their role in the body and an email that they
confirm by link. A report is public only once an organiser has verified it
(by phone, or a second officer's word). After the meeting date the reporter
is asked how it went (tasks.py), and their answer moves the same report on,
so one body is one line of the public list, however many times it is heard.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.regions import Region
from statements.models import OrganisationType

POSTPONED = "postponed"  # the follow-up's fourth answer: the meeting moved (not a status of its own)


def normalise_body(name):
    """How two reports' body names are compared: case and spacing set aside."""
    return " ".join((name or "").split()).casefold()


class MotionReportQuerySet(models.QuerySet):
    def public(self):
        """Verified reports the public list shows: the bodies that passed the motion."""
        return self.filter(verified_at__isnull=False, status__in=MotionReport.PASSED)

    def waiting_for_verification(self):
        """Reports whose reporter confirmed the email and that no organiser has verified yet."""
        return self.filter(email_confirmed_at__isnull=False, verified_at__isnull=True)

    def awaiting_follow_up(self, today):
        """Tabled, confirmed reports whose meeting was before `today` and whose reporter was not yet asked about it."""
        return self.filter(
            status=MotionReport.Status.TABLED,
            email_confirmed_at__isnull=False,
            meeting_date__lt=today,
        ).exclude(followed_up_for=models.F("meeting_date"))


class MotionReport(models.Model):
    wagtail_reference_index_ignore = True  # a visitor's report, not content

    class Status(models.TextChoices):
        TABLED = "tabled", _("Tabled for a meeting")
        PASSED = "passed", _("Passed")
        AMENDED = "amended", _("Passed with amendments")
        DEFEATED = "defeated", _("Defeated")
        NOT_HEARD = "not_heard", _("Not heard")

    class Verification(models.TextChoices):
        PHONE = "phone", "Verified by phone"
        SECOND_OFFICER = "second_officer", "Second officer confirmed"
        OTHER = "other", "Other (see notes)"

    PASSED = (Status.PASSED, Status.AMENDED)

    page = models.ForeignKey("motion.MotionPage", null=True, on_delete=models.SET_NULL, related_name="+")
    body_name = models.CharField("name of the body", max_length=160)
    body_key = models.CharField(max_length=160, editable=False, db_index=True)
    body_type = models.CharField("type of body", max_length=20, choices=OrganisationType.choices)
    union = models.ForeignKey("statements.Union", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    union_other = models.CharField("other union's name", max_length=100, blank=True)
    region = models.CharField("nation or region", max_length=20, choices=Region.choices)
    # The ONS code of the constituency the body meets in (core.places), when a postcode was given.
    constituency = models.CharField(max_length=9, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.TABLED, db_index=True)
    meeting_date = models.DateField("date of the meeting")
    reporter_role = models.CharField("reporter's role in the body", max_length=100)
    email = models.EmailField("reporter's email")
    created = models.DateTimeField(default=timezone.now, db_index=True)
    updated = models.DateTimeField(auto_now=True)
    email_confirmed_at = models.DateTimeField(null=True, blank=True)
    followed_up_for = models.DateField(
        null=True, blank=True, help_text="The meeting date the reporter was asked about."
    )
    verified_at = models.DateTimeField(null=True, blank=True, db_index=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verification = models.CharField("how it was verified", max_length=20, choices=Verification.choices, blank=True)
    internal_notes = models.TextField(blank=True, max_length=4000, help_text="Seen only by organisers.")
    deadline_reminders = models.BooleanField(
        "email me before conference deadlines for motions",
        default=False,
        help_text="The reporter asked for a reminder before each conference deadline that applies to the body.",
    )
    signature = models.ForeignKey(
        "statements.Signature",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The body's own signature on the statement, if it has signed.",
    )

    objects = MotionReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = "motion report"

    def __str__(self):
        return f"{self.body_name}: {self.get_status_display().lower()}"

    def save(self, *args, **kwargs):
        self.body_key = normalise_body(self.body_name)
        super().save(*args, **kwargs)

    @property
    def union_name(self):
        return str(self.union) if self.union_id else self.union_other

    @property
    def has_passed(self):
        return self.status in self.PASSED

    @property
    def is_verified(self):
        return self.verified_at is not None

    @property
    def is_waiting_for_verification(self):
        """As `MotionReportQuerySet.waiting_for_verification`, for one report in hand."""
        return self.email_confirmed_at is not None and not self.is_verified


# The follow-up email's one-click answers, in order: (value, what the button says).
FOLLOW_UP_ANSWERS = [
    (MotionReport.Status.PASSED, "Passed"),
    (MotionReport.Status.AMENDED, "Passed with amendments"),
    (MotionReport.Status.DEFEATED, "Defeated"),
    (POSTPONED, "Postponed to a new date"),
]
