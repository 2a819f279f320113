"""Organisers read the groups and the log of messages sent through the site; nobody's address is shown, and
nothing can be added or changed there."""

import pytest

from campaign.introductions.models import GroupMessage, IntroductionGroup, Membership
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


def test_the_groups_list_counts_members_in_its_one_query_whatever_the_groups(
    client, organiser, statement_page, leeds, introduce, django_assert_max_num_queries
):
    """A member who left is not counted; more groups cost no more queries."""
    three(statement_page)
    introduce()
    Membership.objects.filter(signature__email="ada@example.org").update(
        left_group=True, withdrawn_at="2026-01-01T00:00Z"
    )
    client.force_login(organiser)
    client.get("/admin/introductions/introductiongroup/")  # settles the admin's own first reads

    with django_assert_max_num_queries(60) as few:
        groups = visible_text(client.get("/admin/introductions/introductiongroup/"))
    assert "Leeds Central and Headingley Constituency 2" in groups
    for n in range(10):
        IntroductionGroup.objects.create(kind="constituency", key=f"E1400900{n}", name=f"Place {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/admin/introductions/introductiongroup/")
