"""The emails about a signature, built when they are sent, from the signature as it is then.

The task carries the signature's id and the statement's public address (as
the visitor reached it); the address to write to and the confirm and
withdraw links are made here, at send time, so the task queue never holds
them (see core.emails). The email does not repeat the name that was typed:
anyone can type anyone's address into the form.
"""

from urllib.parse import urlencode, urljoin

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format

from core.emails import Email, register_email
from core.notify import admin_url, organiser_addresses
from core.subscriptions.tokens import your_data_url
from core.subscriptions.wording import text_of

from .models.signature import Signature
from .reminders import TEMPLATE as REMINDER
from .review import Group
from .screening import ALERT_EMAIL, email_domain
from .signing import sub_address
from .tokens import CONFIRM, WITHDRAW

TEMPLATES = ["statements/confirm", "statements/already_signed", "statements/withdraw_link"]


def in_their_language(signature, statement_url):
    """(the statement, its address) in the email's language (core.emails sends it in the signer's own).

    The translation they signed (or, for a later email, the one in their language now), else the original.
    A signature belongs to the statement in the default language (StatementPage.counted_page), so an email
    in that language looks nothing up.
    """
    if translation.get_language() == settings.LANGUAGE_CODE:
        return signature.page, statement_url
    page = signature.page.localized
    if page.pk != signature.page_id:
        statement_url = urljoin(statement_url, page.get_url())
    return page, statement_url


def links(page, statement_url, signature):
    """The email's links, made by signing.sub_address as the forms' actions and the redirects are."""
    confirm = urlencode({"token": CONFIRM.make(signature)})
    withdraw = urlencode({"token": WITHDRAW.make(signature)})
    return {
        "confirm_url": f"{sub_address(page, statement_url, 'confirm')}?{confirm}",
        "withdraw_url": f"{sub_address(page, statement_url, 'withdraw')}?{withdraw}",
        "statement_url": statement_url,
    }


def signature_email(signature, statement_url):
    page, statement_url = in_their_language(signature, statement_url)
    context = {
        "statement_title": page.title,
        # Repeats the consent to updates the signer gave, in the words they saw.
        "updates_wording": text_of(signature.keep_informed_wording) if signature.keep_informed else "",
        "your_data_url": your_data_url(signature.email, statement_url),
        **links(page, statement_url, signature),
    }
    return Email(to=[signature.email], context=context)


def reminder_email(signature, statement_url):
    """The one reminder to confirm (statements.reminders): nothing if it was confirmed, or held, since it was queued."""
    if signature.is_confirmed or signature.is_held:
        return None
    email = signature_email(signature, statement_url)
    email.context["signed_on"] = date_format(timezone.localtime(signature.created_at), "l j F")
    return email


# Registered when core autodiscovers each app's emails module, once the models are loaded.
for template in TEMPLATES:
    register_email(template, Signature.objects.select_related("page"), signature_email)
register_email(REMINDER, Signature.objects.select_related("page"), reminder_email)


def review_alert(signature, grouping):
    """The organisers' alert: one network or email domain passed its threshold this hour (statements.screening).

    Built from the signature that passed it: the group is named by the
    network's hash or the domain, never by an address or a name.
    """
    group = Group(by=grouping, key=signature.network if grouping == "network" else email_domain(signature.email))
    if not group.key:
        return None
    context = {
        "network": grouping == "network",
        "domain": group.key if grouping == "domain" else "",
        "threshold": settings.REVIEW_ALERTS[grouping],
        "budget": settings.SIGNING_EMAIL_BUDGET,
        "review_url": admin_url(group.url),
    }
    return Email(to=organiser_addresses(), context=context)


register_email(ALERT_EMAIL, Signature.objects.all(), review_alert, for_organisers=True)
