"""The thank-you to someone who signed at a stall and gave an address: no confirmation, a withdraw link.

They signed in front of an organiser, so the signature counts already; the
email says so and carries the link that removes it. Like every signer's
email it does not repeat the name that was typed.
"""

from django.conf import settings
from django.urls import reverse

from core.emails import Email, register_email
from core.notify import admin_url, modeladmin_url, organiser_addresses
from core.subscriptions.tokens import your_data_url
from statements.emails import in_their_language, links
from statements.models import Signature

from .ceiling import ALERT_EMAIL
from .models import Stall
from .recording import THANK_YOU


def thank_you(signature, statement_url):
    entry = getattr(signature, "in_person", None)
    context = {
        "statement_title": signature.page.title,
        "event_title": entry.event.title if entry else "",
        "statement_url": statement_url,
        "withdraw_url": links(*in_their_language(signature, statement_url), signature)["withdraw_url"],
        "your_data_url": your_data_url(signature.email, statement_url),
    }
    return Email(to=[signature.email], context=context)


register_email(THANK_YOU, Signature.objects.select_related("page", "in_person__event"), thank_you)


def ceiling_alert(stall):
    """The organisers' one alert for a stall whose entries passed its ceiling: where to review them."""
    context = {
        "event_title": stall.event.title,
        "limits": settings.STALL_CEILING,
        "review_url": admin_url(reverse("statements_review") + "?by=stall"),
        "stall_url": modeladmin_url(stall, "inspect"),
    }
    return Email(to=organiser_addresses(), context=context)


register_email(ALERT_EMAIL, Stall.objects.select_related("event"), ceiling_alert, for_organisers=True)
