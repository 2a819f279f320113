"""The email provider's tracking webhook: only the configured provider's, only once its secret is set.

anymail's views check the provider's signature or basic auth; a body they
cannot read must be a 400 (nothing changes, and the provider stops
resending it), not the 500 some of them answer. core.subscriptions.tracking
acts on the events.
"""

from anymail.exceptions import AnymailConfigurationError, AnymailError, AnymailWebhookValidationFailure
from anymail.webhooks.amazon_ses import AmazonSESTrackingWebhookView
from anymail.webhooks.brevo import BrevoTrackingWebhookView
from anymail.webhooks.mailgun import MailgunTrackingWebhookView
from anymail.webhooks.postmark import PostmarkTrackingWebhookView
from anymail.webhooks.sendgrid import SendGridTrackingWebhookView
from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import Http404
from django.views.decorators.csrf import csrf_exempt

from .webhook_providers import is_authenticated, tracked_provider

# What anymail's parsers raise on a body that is not what the provider sends.
MALFORMED = (AnymailError, AnymailConfigurationError, ValueError, KeyError, TypeError, AttributeError, IndexError)


class RefusesMalformedBodies:
    """Mixed into an anymail tracking view: an unreadable body is a 400, a forged one stays anymail's 400.

    Every event the provider reports names the address it is about; a body
    that yields none, or an event without one, was not sent by the provider.
    """

    may_report_nothing = False  # Amazon SNS also posts subscription messages, which are about no address

    def run_validators(self, request):
        try:
            super().run_validators(request)
        except AnymailWebhookValidationFailure:
            raise
        except MALFORMED as error:
            raise BadRequest(f"Malformed {self.esp_name} webhook body") from error

    def parse_events(self, request):
        try:
            events = list(super().parse_events(request))
        except MALFORMED as error:
            raise BadRequest(f"Malformed {self.esp_name} webhook body") from error
        if (not events and not self.may_report_nothing) or not all(isinstance(e.recipient, str) for e in events):
            raise BadRequest(f"{self.esp_name} webhook body about no address")
        return events


def refusing(view_class, **attributes):
    return type(view_class.__name__, (RefusesMalformedBodies, view_class), attributes).as_view()


TRACKING_VIEWS = {
    "amazon_ses": refusing(AmazonSESTrackingWebhookView, may_report_nothing=True),
    "brevo": refusing(BrevoTrackingWebhookView),
    "mailgun": refusing(MailgunTrackingWebhookView),
    "postmark": refusing(PostmarkTrackingWebhookView),
    "sendgrid": refusing(SendGridTrackingWebhookView),
}


@csrf_exempt
def tracking_webhook(request, provider):
    """/anymail/<provider>/tracking/: a 404 for every provider but EMAIL_BACKEND's, and for it without its secret."""
    chosen = tracked_provider(settings.EMAIL_BACKEND)
    if chosen is None or chosen.name != provider or not is_authenticated(chosen, getattr(settings, "ANYMAIL", {})):
        raise Http404
    return TRACKING_VIEWS[provider](request)
