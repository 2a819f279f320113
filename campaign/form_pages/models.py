"""Form pages that editors design in the admin (Wagtail's form builder): get involved, contact."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from core.emails import queue_email
from core.languages import active_language
from core.page_methods import takes_posts
from core.protection import HONEYPOT_FIELD, HoneypotFormMixin, rate_limited
from core.rich_text import TEXT_FEATURES
from core.subscriptions import consent, wording

from .forms import CampaignFormBuilder
from .permissions import FORM_SUBMISSIONS_PERMISSION

# The updates question's field name: form-builder fields are named from their labels, never like this.
UPDATES_FIELD = "campaign_updates_consent"


class FormField(AbstractFormField):
    page = ParentalKey("form_pages.FormPage", on_delete=models.CASCADE, related_name="form_fields")


class FormPage(AbstractEmailForm):
    """A form editors build field by field; submissions are kept and emailed to organisers.

    It gets the same protection as every other public form: a honeypot
    field and the per-IP rate limit (a 429 page, never an error).
    """

    intro = RichTextField(blank=True, features=TEXT_FEATURES)
    thank_you_text = RichTextField(blank=True, features=TEXT_FEATURES)
    show_contact_details = models.BooleanField(
        default=False, help_text="Show the email address and phone number from the site settings."
    )
    submit_label = models.CharField(max_length=40, default="Send")
    offer_updates = models.BooleanField(
        default=False,
        help_text="Ask, unticked, whether they want campaign updates by email. The form needs an email field; "
        "updates start once they confirm from the email we send them.",
    )

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        FieldPanel("show_contact_details"),
        InlinePanel("form_fields", label="Form fields"),
        FieldPanel("offer_updates"),
        FieldPanel("submit_label", heading="Text of the send button"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                # Whoever sets the address reads every submission, so only those who may read them set it.
                FieldPanel("to_address", heading="Send each submission to", permission=FORM_SUBMISSIONS_PERMISSION),
                FieldPanel("subject", heading="Subject of the email"),
            ],
            heading="Email to organisers",
        ),
    ]
    search_fields = AbstractEmailForm.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    form_builder = CampaignFormBuilder

    class Meta:
        permissions = [("view_form_submissions", "Can see what people sent through form pages")]

    def get_form_class(self):
        extra = {UPDATES_FIELD: consent.updates_field()} if self.offer_updates else {}
        return type("ProtectedForm", (super().get_form_class(), HoneypotFormMixin), extra)

    def process_form_submission(self, form):
        form.cleaned_data.pop(HONEYPOT_FIELD, None)  # neither stored nor emailed
        wants_updates = form.cleaned_data.pop(UPDATES_FIELD, False)  # recorded as a consent, not an answer
        submission = FormMixin.process_form_submission(self, form)  # stored; the email is queued below
        self.send_mail(submission)
        address = self.email_answer(form)
        if wants_updates and address:
            form = consent.form_name(_("the “%(title)s” form"), active_language(), title=self.title)
            consent.record_unconfirmed(address, form, wording.CURRENT, self.get_full_url())
        return submission

    def email_answer(self, form):
        """The first email field's answer: where the updates would go."""
        for field in self.get_form_fields():
            if field.field_type == "email" and form.cleaned_data.get(field.clean_name):
                return form.cleaned_data[field.clean_name]
        return ""

    def send_mail(self, submission):
        """Queue the organisers' email as a task (like every other email) instead of sending it
        inside the request, so a provider that is down never turns a submission into an error.
        The task carries the submission's id; the email is built from it when it is sent."""
        if self.to_address:
            queue_email("form_pages/form_submission", submission)

    @takes_posts
    def serve(self, request, *args, **kwargs):
        parent_serve = super().serve
        return rate_limited("submit")(lambda req: parent_serve(req, *args, **kwargs))(request)


class HandledSubmission(models.Model):
    """Marks one of Wagtail's form submissions as dealt with, by whom and when.

    Wagtail's FormSubmission is not ours to change, and a submission class
    of our own would move every submission to a new table; a row here beside
    it keeps Wagtail's submissions list, downloads and delete working as
    they are. Deleting the submission deletes the mark.
    """

    wagtail_reference_index_ignore = True  # a note about a visitor's message, not content

    submission = models.OneToOneField(
        "wagtailforms.FormSubmission", on_delete=models.CASCADE, primary_key=True, related_name="handled"
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handled_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Submission {self.submission_id} handled"
