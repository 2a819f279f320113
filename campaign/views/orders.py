"""The materials page: downloads and the print order form (saved, emailed both ways)."""

from django.db import transaction
from django.shortcuts import redirect

from campaign.forms.materials import PrintOrderForm
from campaign.models import PrintOrderLine
from home.emails import queue_email
from home.protection import rate_limited

from .notify import admin_edit_url, organiser_addresses


@rate_limited("submit")
def materials_page(request, page):
    materials = page.get_materials()
    if request.method == "POST":
        form = PrintOrderForm(request.POST, materials=materials)
        if form.is_valid():
            save_order(request, page, form)
            return redirect(page.get_url(request) + page.reverse_subpage("order_thanks_view"))
    else:
        form = PrintOrderForm(materials=materials)
    return page.render(request, context_overrides={"materials": materials, "form": form})


@transaction.atomic
def save_order(request, page, form):
    order = form.save(commit=False)
    order.page = page
    order.save()
    lines = PrintOrderLine.objects.bulk_create(
        PrintOrderLine(order=order, material=material, title=material.title, quantity=quantity)
        for material, quantity in form.chosen_quantities()
    )
    context = {
        "name": order.name,
        "email": order.email,
        "organisation": order.organisation,
        "address": order.address,
        "needed_by": order.needed_by.strftime("%-d %B %Y") if order.needed_by else "",
        "notes": order.notes,
        "items": [{"title": line.title, "quantity": line.quantity} for line in lines],
        "reference": order.pk,
        "admin_url": admin_edit_url(order),
    }
    queue_email("campaign/order_organisers", organiser_addresses(request), context, reply_to=[order.email])
    queue_email("campaign/order_received", [order.email], context)
    return order
