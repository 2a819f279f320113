"""The QR code to the statement, as SVG (for print) and PNG (for everything else)."""

from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control

from campaign.links import statement_url
from campaign.qr import qr_png, qr_svg


def qr_code(request, kind):
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
