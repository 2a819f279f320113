"""The emails about a print order, built when they are sent from the order (see core.emails).

The acknowledgement to the person says only what the site itself words: the
reference, the materials (titles the editors wrote) and how many. Anyone can
type anyone's address into the form, so it never repeats their name, address
or notes; the organisers' email, to the campaign's own address, has them all.
"""

from core.emails import Email, register_email
from core.request_emails import register_status_email, to_organisers

from .models.orders import PrintOrder


def items(order):
    return [{"title": line.title, "quantity": line.quantity} for line in order.lines.all()]


def needed_by(order):
    return order.needed_by.strftime("%-d %B %Y") if order.needed_by else ""


def received(order, site=None):
    context = {"reference": order.pk, "items": items(order), "needed_by": needed_by(order)}
    return Email(to=[order.email], context=context)


def for_organisers(order, site=None):
    details = {name: getattr(order, name) for name in ("name", "email", "organisation", "address", "notes")}
    return to_organisers(order, site, **details, needed_by=needed_by(order), items=items(order))


# Registered when core autodiscovers each app's emails module, once the models are loaded.
orders = PrintOrder.objects.prefetch_related("lines")
register_email("materials/order_received", orders, received)
register_email("materials/order_organisers", orders, for_organisers, for_organisers=True)
register_status_email(PrintOrder)
