"""The edit forms of requests (print orders, speaker invitations, submitted activities ...).

Core names no app: each model says what its statuses tell the requester, and `core.admin` builds the
request edit screens on these forms.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail.admin.forms import WagtailAdminModelForm

from .emails import queue_email


def admin_users():
    """Active users who can open the admin: superusers, and those given admin access directly or by a group."""
    access = Permission.objects.filter(codename="access_admin", content_type__app_label="wagtailadmin")
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(user_permissions__in=access) | Q(groups__permissions__in=access))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name() or user.get_username()


class RequestForm(WagtailAdminModelForm):
    """A request's edit form: "assigned to" offers only active staff, named as people know them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "assigned_to" in self.fields:
            field = self.fields["assigned_to"]
            self.fields["assigned_to"] = StaffChoiceField(
                admin_users(), required=False, label=field.label, help_text=field.help_text
            )


class StatusEmailForm(RequestForm):
    """A request's edit form that can email the requester when its status changes.

    The message is kept on the record (`last_message`) because the email task carries only ids.
    """

    email_requester = forms.BooleanField(
        required=False,
        label="Email the requester",
        help_text="Sends the message below to the person who made the request, if you change the status.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        self.prefilled = instance.status_message(instance.answer_status) if instance.pk else ""
        if "last_message" in self.fields:
            self.initial["last_message"] = self.prefilled
            self.fields["last_message"].help_text = (
                "Prefilled for the usual answer; left as it is, the standard message for the status you choose"
                " is sent. Edit it to send your own words."
            )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email_requester"):
            return cleaned
        if "status" not in self.changed_data:
            self.add_error("email_requester", "Change the status to email the requester about it.")
        elif not self.message_to_send(cleaned).strip():
            self.add_error("last_message", "Write the message to send, or untick “Email the requester”.")
        return cleaned

    def message_to_send(self, cleaned):
        """The organiser's words if they edited the box; otherwise the standard message for the new status."""
        written = (cleaned.get("last_message") or "").strip()
        if written and written != self.prefilled.strip():
            return written
        return self.instance.status_message(cleaned.get("status"))

    def save(self, commit=True):
        sending = self.cleaned_data.get("email_requester")
        instance = super().save(commit=False)  # the instance now holds the new status and details
        if sending:
            instance.last_message = self.message_to_send(self.cleaned_data)
        if commit:
            instance.save()
            self.save_m2m()
            if sending:
                queue_email(instance.status_email_template, instance)
        return instance
