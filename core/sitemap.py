"""The sitemap in every language: each page in each language's tree, naming its versions in the others.

Wagtail's own sitemap lists the site's root page and what is under it, which
is one language's tree: the Welsh pages (#29) live under the Welsh home page,
beside it. Here every language's tree is listed, and each address carries
`xhtml:link rel="alternate" hreflang=...` for its other versions, as search
engines ask of a multilingual site. The versions are grouped in one pass over
the pages, not looked up page by page.
"""

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LanguagesSitemap(Sitemap):
    def items(self):
        trees = Page.objects.none()
        for root in self.get_wagtail_site().root_page.get_translations(inclusive=True):
            trees |= Page.objects.descendant_of(root, inclusive=True)
        return trees.live().public().order_by("path").select_related("locale").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        entries, versions, last_mods = [], defaultdict(list), set()
        for item in self.paginator.page(page).object_list.iterator():
            for url in item.get_sitemap_urls(self.request):
                entries.append((item.translation_key, url))
                versions[item.translation_key].append(
                    {"lang_code": item.locale.language_code, "location": url["location"]}
                )
                last_mods.add(url.get("lastmod"))
        for key, url in entries:
            url["alternates"] = versions[key] if len(versions[key]) > 1 else []
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return [url for _key, url in entries]
