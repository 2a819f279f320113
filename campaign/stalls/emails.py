"""The thank-you to someone who signed at a stall and gave an address: no confirmation, a withdraw link.

They signed in front of an organiser, so the signature counts already; the
email says so and carries the link that removes it. Like every signer's
email it does not repeat the name that was typed.
"""

from core.emails import Email, register_email
from core.subscriptions.tokens import your_data_url
from statements.emails import links
from statements.models import Signature

from .recording import THANK_YOU


def thank_you(signature, statement_url):
    entry = getattr(signature, "in_person", None)
    context = {
        "statement_title": signature.page.title,
        "event_title": entry.event.title if entry else "",
        "statement_url": statement_url,
        "withdraw_url": links(signature, statement_url)["withdraw_url"],
        "your_data_url": your_data_url(signature.email, statement_url),
    }
    return Email(to=[signature.email], context=context)


register_email(THANK_YOU, Signature.objects.select_related("page", "in_person__event"), thank_you)
