"""Move the publish clock on (which empties the page cache) whenever what visitors see may have changed."""

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import publish_clock, shared_cache


@receiver(page_published)
@receiver(page_unpublished)  # Wagtail also unpublishes a live page before deleting it
@receiver(post_page_move)
def advance_on_page_change(sender, **kwargs):
    # Wagtail sends these inside the transaction of a delete, a bulk action or a workflow approval.
    publish_clock.advance_now_and_on_commit()


# The site settings model is named lazily ("home.SiteSettings"): this app never imports it.
@receiver(post_save, sender=settings.SITE_SETTINGS_MODEL)
@receiver(post_delete, sender=settings.SITE_SETTINGS_MODEL)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def advance_on_settings_change(sender, **kwargs):
    publish_clock.advance_now_and_on_commit()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def advance_on_privacy_change(sender, **kwargs):
    """A page made private must stop being served from the cache at once, not 30 s later.

    Moving the clock on also empties what core.pages remembers of each page's view
    restrictions, so the plain URLs beside the page (signing, .json, .ics)
    apply the new restriction at once too.
    """
    publish_clock.advance_now_and_on_commit()


@receiver(shared_cache.returned)
def advance_when_the_shared_cache_returns(sender, **kwargs):
    """A publish while Redis was away moved only this process's clock: Redis may hold pages from before it."""
    publish_clock.advance()


@receiver(publish_clock.content_changed)
def advance_on_content_change(sender, **kwargs):
    """An app said something visitors see changed (a counted signature, a union): cached pages go."""
    publish_clock.advance_now_and_on_commit()
