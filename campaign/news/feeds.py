"""RSS and Atom feeds of news updates (Django's syndication framework).

UpdateIndexPage routes to these and hands itself in; this module never imports the page models.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

FEED_SIZE = 20


class UpdatesRssFeed(Feed):
    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.index_page.title

    def link(self):
        return self.index_page.get_url(self.request)

    def description(self):
        return self.index_page.intro or self.index_page.title

    def items(self):
        return self.index_page.updates()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.standfirst or item.search_description

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        moment = datetime.datetime.combine(item.date, datetime.time(12))
        return timezone.make_aware(moment)

    def item_updateddate(self, item):
        return item.last_published_at


class UpdatesAtomFeed(UpdatesRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
