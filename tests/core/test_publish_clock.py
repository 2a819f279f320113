"""The publish clock: what apps keep until the next publish, and the signal that moves it on."""

import pytest
from django.test import Client

from core.publish_clock import KeptUntilNextPublish, content_changed, current_generation
from statements.models import Signature, Union
from tests.statements.factories import SignatureFactory

pytestmark = pytest.mark.django_db


def test_what_a_process_keeps_until_the_next_publish_is_bounded(statement_page, monkeypatch):
    kept = KeptUntilNextPublish()
    kept.current()["a"] = 1
    assert kept.current() == {"a": 1}
    statement_page.save_revision().publish()
    assert kept.current() == {}

    for number in range(KeptUntilNextPublish.MAX_ITEMS + 1):  # e.g. one per Host header a visitor makes up
        kept.current()[number] = number
    assert len(kept.current()) <= KeptUntilNextPublish.MAX_ITEMS

    kept.current()["b"] = 2
    monkeypatch.setattr(KeptUntilNextPublish, "MAX_AGE", -1)  # as if MAX_AGE seconds had passed
    assert kept.current() == {}


def test_an_app_saying_its_content_changed_moves_the_clock_now_and_when_it_commits(
    django_capture_on_commit_callbacks,
):
    """Another process may keep what it read inside the transaction; the move at commit forgets that too."""
    kept = KeptUntilNextPublish()
    before = current_generation()
    with django_capture_on_commit_callbacks(execute=True):
        kept.current()["unions"] = ["read before the change"]
        content_changed.send(sender=Union)
        assert kept.current() == {}
        kept.current()["unions"] = ["read before the commit"]
    assert kept.current() == {}
    assert current_generation() > before


def test_listeners_hear_which_model_changed_when_an_organiser_hides_a_name(statement_page):
    """What a listener (the page cache, a CDN purge) needs: a counted signature's edit says so."""
    heard = []

    def listener(sender, **kwargs):
        heard.append(sender)

    signature = SignatureFactory(page=statement_page, name="Rude Word")
    content_changed.connect(listener)
    try:
        signature.show_publicly = False
        signature.save()
    finally:
        content_changed.disconnect(listener)
    assert heard == [Signature]


def test_a_new_unconfirmed_signature_moves_nothing(statement_page):
    """A surge of signing must leave what each process keeps (and the page cache) alone."""
    kept = KeptUntilNextPublish()
    kept.current()["path"] = "/statement/"
    SignatureFactory(page=statement_page, confirmed_at=None)
    assert kept.current() == {"path": "/statement/"}


def test_a_union_an_editor_adds_is_offered_on_the_cached_statement_at_once(statement_page, site_settings, settings):
    settings.PAGE_CACHE_SECONDS = 60
    visitor = Client()
    Union.objects.create(name="Unite")
    assert "Bakers" not in visitor.get(statement_page.url).content.decode()
    assert visitor.get(statement_page.url)["X-Page-Cache"] == "hit"

    Union.objects.create(name="Bakers")

    assert "Bakers" in visitor.get(statement_page.url).content.decode()
