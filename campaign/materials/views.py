"""The materials page: downloads, the print order form (saved, emailed both ways, repeated to its sender) and QR codes.

MaterialsPage routes here and hands itself in; this module never imports the page model.
"""

from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core.emails import queue_acknowledgement, queue_email, site_id
from core.protection import rate_limited
from core.receipts import give_receipt, read_receipt

from .forms import PrintOrderForm
from .links import statement_url
from .models.orders import PrintOrder, PrintOrderLine
from .models.previews import DocumentPreview
from .qr import qr_png, qr_svg

RECEIPT = "print-order"  # core.receipts: the thank-you page repeats the order to the one who sent it


@rate_limited("submit")
def materials_page(request, page):
    materials = page.get_materials()
    draw_missing_previews(materials)
    if request.method == "POST":
        form = PrintOrderForm(request.POST, materials=materials)
        if form.is_valid():
            order = save_order(request, page, form)
            thanks = page.get_url(request) + page.reverse_subpage("order_thanks_view")
            return give_receipt(redirect(thanks), request, thanks, RECEIPT, order.pk)
    else:
        form = PrintOrderForm(materials=materials)
    return page.render(request, context_overrides={"materials": materials, "form": form})


@never_cache  # with a receipt it shows an address; without one it must not be cached either (core.receipts)
def order_thanks(request, page):
    """Order received: what was ordered and where it goes, for whoever holds the order's receipt."""
    order_id = read_receipt(request, RECEIPT)
    order = None
    if order_id is not None:
        order = PrintOrder.objects.filter(pk=order_id, page=page).prefetch_related("lines").first()
    return page.render(request, template="materials/materials_thanks.html", context_overrides={"order": order})


def draw_missing_previews(materials):
    """Previews are drawn when a material is saved; this catches files added or replaced since, once each."""
    for material in materials:
        if material.preview_id is None and material.drawn_preview is None:
            DocumentPreview.make_for(material.document)


@transaction.atomic
def save_order(request, page, form):
    order = form.save(commit=False)
    order.page = page
    order.save()
    PrintOrderLine.objects.bulk_create(
        PrintOrderLine(order=order, material=material, title=material.title, quantity=quantity)
        for material, quantity in form.chosen_quantities()
    )
    site = site_id(request)
    queue_email("materials/order_organisers", order, site=site)
    queue_acknowledgement("materials/order_received", order, order.email, site=site)
    return order


@require_safe
def qr_code(request, kind):
    """The QR code to the statement, as SVG (for print) or PNG (for everything else)."""
    if kind not in ("svg", "png"):
        raise Http404("QR codes come as SVG or PNG.")
    payload = statement_url(request)
    if kind == "svg":
        response = HttpResponse(qr_svg(payload), content_type="image/svg+xml")
    else:
        response = HttpResponse(qr_png(payload), content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="statement-qr-code.{kind}"'
    patch_cache_control(response, public=True, max_age=3600)
    return response
