"""Organisers read the groups and the log of messages sent through the site; nobody's address is shown, and
nothing can be added or changed there."""

import pytest

from campaign.introductions.models import GroupMessage, Membership
from tests.html import visible_text
from tests.introductions.test_introducing import three

pytestmark = pytest.mark.django_db


def test_organisers_read_the_groups_and_the_messages(client, organiser, statement_page, leeds, introduce):
    three(statement_page)
    introduce()
    ada = Membership.objects.get(signature__email="ada@example.org")
    GroupMessage.objects.create(group=ada.group, sender=ada, body="See you all on Tuesday", recipients=2)

    client.force_login(organiser)
    groups = visible_text(client.get("/admin/introductions/introductiongroup/"))
    assert "Leeds Central and Headingley Constituency 3" in groups
    messages = visible_text(client.get("/admin/introductions/groupmessage/"))
    assert "Leeds Central and Headingley Ada See you all on Tuesday 2" in messages
    assert "ada@example.org" not in messages
    assert client.get("/admin/introductions/groupmessage/create/").status_code in (302, 403)


def test_an_editor_does_not_see_them(client, editor):
    client.force_login(editor)
    assert client.get("/admin/introductions/groupmessage/").status_code in (302, 403)
