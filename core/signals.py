"""Empty the page cache whenever what visitors see may have changed."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .page_cache import purge


def purge_now_and_on_commit():
    """Purge at once, and again when the change commits.

    Wagtail sends these signals inside the transaction of a delete, a bulk
    action or a workflow approval; a view in another process may cache the
    old page in that gap, and the second purge forgets it.
    """
    purge()
    transaction.on_commit(purge)


@receiver(page_published)
@receiver(page_unpublished)  # Wagtail also unpublishes a live page before deleting it
@receiver(post_page_move)
def purge_on_page_change(sender, **kwargs):
    purge_now_and_on_commit()


# The site settings model is named lazily ("home.SiteSettings"): this app never imports it.
@receiver(post_save, sender=settings.SITE_SETTINGS_MODEL)
@receiver(post_delete, sender=settings.SITE_SETTINGS_MODEL)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def purge_on_settings_change(sender, **kwargs):
    purge_now_and_on_commit()
