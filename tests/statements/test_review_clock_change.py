"""The review screen's hours on the night the clocks go back, when 01:00-02:00 comes twice in London.

Each of the two hours is a group of its own, named so that an organiser can tell them apart, and opening
a group shows the signatures the list counted in it: none is lost between the two.
"""

import html
import re
from datetime import UTC, datetime

import pytest

from tests.html import visible_text
from tests.statements.factories import SignatureFactory

pytestmark = pytest.mark.django_db

REVIEW_URL = "/admin/statements/review/"
ROW = re.compile(
    r'<th scope="row"><a href="([^"]+)">([^<]+)</a><p class="review-description w-font-normal">(\d+) signature'
)


def test_the_hour_that_comes_twice_is_two_groups_each_opening_what_it_counted(
    client, organiser, statement_page, time_machine
):
    time_machine.move_to(datetime(2026, 10, 25, 3, 0, tzinfo=UTC), tick=False)  # 03:00 GMT, the clocks went back
    SignatureFactory(
        page=statement_page, email="first@example.org", created_at=datetime(2026, 10, 25, 0, 20, tzinfo=UTC)
    )
    SignatureFactory(
        page=statement_page, email="again@example.org", created_at=datetime(2026, 10, 25, 0, 40, tzinfo=UTC)
    )
    SignatureFactory(
        page=statement_page, email="second@example.org", created_at=datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    )
    client.force_login(organiser)

    rows = ROW.findall(client.get(f"{REVIEW_URL}?by=hour").content.decode())

    listed = {html.unescape(label): (int(total), html.unescape(url)) for url, label, total in rows}
    assert set(listed) == {
        "All website signatures, Sun 25 Oct 2026, 01:00 BST–01:00 GMT",
        "All website signatures, Sun 25 Oct 2026, 01:00 GMT–02:00 GMT",
    }
    assert listed["All website signatures, Sun 25 Oct 2026, 01:00 BST–01:00 GMT"][0] == 2
    assert listed["All website signatures, Sun 25 Oct 2026, 01:00 GMT–02:00 GMT"][0] == 1
    for total, url in listed.values():
        opened = visible_text(client.get(url))
        assert f"{total} signature{'s' if total > 1 else ''} in this group" in opened
