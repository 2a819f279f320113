"""The emails about a signature, built when they are sent, from the signature as it is then.

The task carries the signature's id and the statement's public address (as
the visitor reached it); the address to write to and the confirm and
withdraw links are made here, at send time, so the task queue never holds
them (see core.emails). The email does not repeat the name that was typed:
anyone can type anyone's address into the form.
"""

from urllib.parse import urlencode

from core.emails import Email, register_email
from core.subscriptions.tokens import your_data_url
from core.subscriptions.wording import text_of

from .models.signature import Signature
from .tokens import CONFIRM, WITHDRAW, make_token

TEMPLATES = ["statements/confirm", "statements/already_signed", "statements/withdraw_link"]


def links(signature, statement_url):
    return {
        "confirm_url": f"{statement_url}confirm/?" + urlencode({"token": make_token(signature, CONFIRM)}),
        "withdraw_url": f"{statement_url}withdraw/?" + urlencode({"token": make_token(signature, WITHDRAW)}),
        "statement_url": statement_url,
    }


def signature_email(signature, statement_url):
    context = {
        "statement_title": signature.page.title,
        # Repeats the consent to updates the signer gave, in the words they saw.
        "updates_wording": text_of(signature.keep_informed_wording) if signature.keep_informed else "",
        "your_data_url": your_data_url(signature.email, statement_url),
        **links(signature, statement_url),
    }
    return Email(to=[signature.email], context=context)


# Registered when core autodiscovers each app's emails module, once the models are loaded.
for template in TEMPLATES:
    register_email(template, Signature.objects.select_related("page"), signature_email)
