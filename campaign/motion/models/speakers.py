"""Invitations for a campaign speaker, worked through by organisers in the admin."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.languages import active_language
from core.request_models import HandledRequest, answer_panels, sent_panels

# What a person fills in when inviting a speaker: the form, the admin's read-only
# panels and the CSV export all list these, in this order.
SPEAKER_REQUEST_FIELDS = (
    "organisation",
    "branch",
    "contact_name",
    "email",
    "phone",
    "proposed_dates",
    "format",
    "place",
    "audience_size",
    "notes",
)


class SpeakerRequest(HandledRequest):
    """An invitation for a campaign speaker, worked through by organisers in the admin."""

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        EITHER = "either", _("Either")

    page = models.ForeignKey("motion.MotionPage", null=True, on_delete=models.SET_NULL, related_name="+")
    organisation = models.CharField(max_length=160)
    branch = models.CharField("branch or group", max_length=160, blank=True)
    contact_name = models.CharField(max_length=120)
    phone = models.CharField(max_length=40, blank=True)
    proposed_dates = models.CharField("proposed date or dates", max_length=300)
    format = models.CharField("in person or online", max_length=12, choices=Format.choices, default=Format.EITHER)
    place = models.CharField("place", max_length=300, blank=True)
    # The language they asked in (core.languages): the answers they get (prefilled message, email) are in it.
    language = models.CharField(max_length=16, blank=True, default=active_language, editable=False)
    audience_size = models.PositiveIntegerField(
        "expected audience", null=True, blank=True, validators=[MaxValueValidator(100_000)]
    )
    notes = models.TextField(blank=True, max_length=2000)
    speaker = models.CharField("speaker's name", max_length=120, blank=True)
    speaker_date = models.DateField("date of the talk", null=True, blank=True)

    class Status(models.TextChoices):
        NEW = "new", "New"
        IN_HAND = "in_hand", "In hand"
        ARRANGED = "arranged", "Speaker arranged"
        DECLINED = "declined", "Declined"

    status_email_template = "motion/speaker_status"
    status_messages = {
        Status.IN_HAND: _(
            "We have your speaker request (reference {reference}) and are looking for a speaker for you."
        ),
        Status.ARRANGED: _(
            "Good news: {speaker} will speak at your meeting{on_date}. We will be in touch about the details."
        ),
        Status.DECLINED: _(
            "We are sorry: we cannot send a speaker for your request (reference {reference}) this time."
        ),
    }
    answer_status = Status.ARRANGED  # the usual answer: its button and the prefilled message
    answer_label = "Speaker arranged"

    panels = [*answer_panels("speaker", "speaker_date"), *sent_panels(SPEAKER_REQUEST_FIELDS)]

    class Meta(HandledRequest.Meta):
        verbose_name = "speaker request"

    def __str__(self):
        return f"{self.organisation} ({self.contact_name})"

    def message_details(self):
        on_date = ""
        if self.speaker_date:
            on_date = " " + gettext("on %(date)s") % {"date": date_format(self.speaker_date, "j F Y")}
        return {"speaker": self.speaker or gettext("A campaign speaker"), "on_date": on_date}

    def status_message(self, status):
        """The prefilled answer in the language they asked in, whatever the organiser's admin speaks."""
        with translation.override(self.language or settings.LANGUAGE_CODE):
            return super().status_message(status)
