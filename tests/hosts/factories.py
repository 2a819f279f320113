"""Factories and helpers for hosts: a host for an event, people coming, and the link as a host gets it."""

import re

import factory
from django.core import mail

from campaign.events import attendance
from campaign.events.models import Rsvp
from campaign.hosts.models import Host
from campaign.hosts.tokens import HOST_LINK

HOST_LINK_IN_TEXT = re.compile(r"https?://[^\s/]+(/host/[^\s/]+/)")


class HostFactory(factory.django.DjangoModelFactory):
    """A host of `event` (which every caller gives: an event page needs its parent)."""

    name = factory.Sequence(lambda n: f"Host {n}")
    email = factory.Sequence(lambda n: f"host{n}@example.org")

    class Meta:
        model = Host


def page_of(host):
    """The path of `host`'s private page, as their emailed link has it."""
    return f"/host/{HOST_LINK.make(host)}/"


def link_in(message):
    """The path of the host's link in an email (its text part)."""
    found = HOST_LINK_IN_TEXT.search(message.body)
    assert found, message.body
    return found.group(1)


def emails_to(address):
    return [message for message in mail.outbox if address in message.to]


def coming(event, name, email, phone="", role=Rsvp.Role.ATTENDEE):
    """Someone says they are coming (or helping), through the events app's own rule."""
    return attendance.take(event, name, email, phone, role=role)
