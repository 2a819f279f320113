"""Admin registration for the home app: the site-wide settings, their words in each language, the dashboard."""

from wagtail import hooks
from wagtail.contrib.settings.registry import register_setting
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .dashboard import CampaignDashboardPanel
from .models import SiteSettings, SiteWords

register_setting(SiteSettings, icon="cog")


class SiteWordsViewSet(SnippetViewSet):
    """Snippets › Site words: one row per language; wagtail-localize's Translate makes the Welsh from the English."""

    model = SiteWords
    icon = "globe"
    menu_label = "Site words"
    list_display = ["campaign_name", "locale", "site"]


register_snippet(SiteWordsViewSet)


@hooks.register("construct_homepage_panels")
def campaign_dashboard(request, panels):
    panels.append(CampaignDashboardPanel(request.user))
