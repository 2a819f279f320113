"""The email asking someone to confirm a consent given on a form that does not prove the address.

Registered with core.emails like every app's emails (core's own emails
module is the machinery, so this one is imported by consent.py, where the
consent is made). The task carries the consent's id and the site's public
address; the address and the link are made at send time.
"""

from urllib.parse import urlencode, urljoin

from django.urls import reverse

from core.emails import Email, register_email

from .models import Consent
from .tokens import CONSENT, your_data_url

TEMPLATE = "core/confirm_updates"


def confirm_updates(consent, base_url):
    link = urljoin(base_url, reverse("confirm_updates")) + "?" + urlencode({"token": CONSENT.make(consent)})
    context = {
        "form": consent.form,
        "wording": consent.wording,
        "confirm_url": link,
        "your_data_url": your_data_url(consent.subscriber.email, base_url),
    }
    return Email(to=[consent.subscriber.email], context=context)


register_email(TEMPLATE, Consent.objects.select_related("subscriber"), confirm_updates)
