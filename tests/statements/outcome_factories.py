"""Factories for a statement's targets, asks, hand-ins and responses (statements/models/outcomes.py)."""

from datetime import datetime, time, timedelta

import factory
from django.utils import timezone
from wagtail.models import Page

from statements.models import Answer, Ask, HandIn, Target


def launched(page, days=30):
    """Date the statement's first publication at noon (UK time) `days` days back; factories leave it empty.

    Noon, so the launch day is that day whatever the clock says (tests run at 23:30 London, and across clock changes).
    """
    page.first_published_at = timezone.make_aware(datetime.combine(days_ago(days), time(12)))
    Page.objects.filter(pk=page.pk).update(first_published_at=page.first_published_at)
    return page


def days_ago(days):
    return timezone.localdate() - timedelta(days=days)


def published(step):
    """Publish a hand-in or response as the admin's Publish button does (a revision, then its publication)."""
    step.save_revision().publish()
    step.refresh_from_db()
    return step


class TargetFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Target {n}")
    description = "Who they are."

    class Meta:
        model = Target


class AskFactory(factory.django.DjangoModelFactory):
    target = factory.SubFactory(TargetFactory)
    what_we_ask = "to respond"

    class Meta:
        model = Ask


class HandInFactory(factory.django.DjangoModelFactory):
    """A draft hand-in (not live): pass it to published() to show it."""

    date = factory.LazyFunction(lambda: days_ago(3))
    place = "Party head office, London"
    handed_in_by = "A delegation of members"
    signature_count = 10
    live = False

    class Meta:
        model = HandIn


class AnswerFactory(factory.django.DjangoModelFactory):
    """A draft response (not live): pass it to published() to show it."""

    date = factory.LazyFunction(lambda: days_ago(1))
    answered_by = "The General Secretary"
    quote = "We will consider it."
    live = False

    class Meta:
        model = Answer
