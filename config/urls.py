"""URL routes: the apps' own URLs first, then Wagtail serves every page.

What people read is in every language: English at its plain address, another
language under its prefix (/cy/...; core.languages). Machines' addresses (the
admin, health, the sitemap, webhooks) have one address each.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core.brand import brand_stylesheet
from core.health import health
from core.sitemap import LanguagesSitemap
from core.subscriptions.webhooks import tracking_webhook

urlpatterns = [
    path("health/", health, name="health"),
    path("brand.css", brand_stylesheet, name="brand-css"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LanguagesSitemap}}, name="sitemap"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The email provider's tracking webhook (bounces, complaints): only EMAIL_BACKEND's, only with its secret.
    path("anymail/<slug:provider>/tracking/", tracking_webhook, name="email_tracking_webhook"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include("core.subscriptions.urls")),
    path("", include("statements.urls")),
    path("", include("campaign.stalls.urls")),
    path("", include("campaign.events.urls")),
    path("", include("campaign.hosts.urls")),
    path("", include("campaign.handin.urls")),
    path("", include("campaign.introductions.urls")),
    path("", include("campaign.constituencies.urls")),
    path("", include("campaign.materials.urls")),
    path("", include("home.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
