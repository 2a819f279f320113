"""The favicon, app icons and web manifest, at fixed addresses beside the pages.

All are the same for every visitor, so they are cached publicly; their
addresses are fixed (browsers and phones ask for them by name), so they are
cached for a day. The brand stylesheet is core.brand's: every page links it.
"""

from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from core.site_settings import site_settings_for

from .icons import APP_ICON_SIZES, CACHE_SECONDS, app_icon_bytes, favicon_bytes


@require_safe
@cache_control(public=True, max_age=CACHE_SECONDS)
def favicon(request):
    site_settings = site_settings_for(request)
    if site_settings is None:
        return HttpResponse(status=404)
    return HttpResponse(favicon_bytes(site_settings), content_type="image/x-icon")


def app_icon(kind):
    """A view for one of the fixed-size PNG icons (APP_ICON_SIZES)."""
    size = APP_ICON_SIZES[kind]

    @require_safe
    @cache_control(public=True, max_age=CACHE_SECONDS)
    def view(request):
        site_settings = site_settings_for(request)
        if site_settings is None:
            return HttpResponse(status=404)
        return HttpResponse(app_icon_bytes(site_settings, size), content_type="image/png")

    view.__name__ = kind.replace("-", "_")
    return view


@require_safe
@cache_control(public=True, max_age=CACHE_SECONDS)
def web_manifest(request):
    """What a phone needs to put the site on its home screen: name, colour, icons."""
    site_settings = site_settings_for(request)
    if site_settings is None:
        return HttpResponse(status=404)
    manifest = {
        "name": site_settings.campaign_name,
        "short_name": site_settings.campaign_name[:12],
        "start_url": "/",
        "display": "browser",
        "theme_color": site_settings.brand_colour,
        "background_color": "#ffffff",
        "icons": [
            {"src": reverse(kind), "sizes": f"{size}x{size}", "type": "image/png"}
            for kind, size in APP_ICON_SIZES.items()
            if kind != "apple-touch-icon"
        ],
    }
    return JsonResponse(manifest, content_type="application/manifest+json")
