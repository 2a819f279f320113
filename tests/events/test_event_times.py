"""Every `<time datetime>` the site writes is valid HTML, whatever the stored time (issue 28's small defect).

An import, the API or a script can store a start with microseconds; Django's `date:'c'` then wrote six
fractional digits, which the Nu HTML Checker rejects. core's `html_datetime` writes whole seconds and the offset.
"""

import re
import shutil
from datetime import UTC, date, datetime, timedelta

import pytest
from django.template import engines

from tests.browser import checks
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

# A valid global date and time string (with its offset), or a valid date string: what HTML allows here.
VALID = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?")


def render(text, **context):
    return engines["django"].from_string("{% load time_tags %}" + text).render(context)


def test_the_filter_writes_whole_seconds_with_the_offset_in_the_sites_zone():
    summer = datetime(2026, 7, 15, 18, 12, 48, 610816, tzinfo=UTC)
    winter = datetime(2026, 12, 7, 0, 12, 48, 610816, tzinfo=UTC)
    assert render("{{ t|html_datetime }}", t=summer) == "2026-07-15T19:12:48+01:00"
    assert render("{{ t|html_datetime }}", t=winter) == "2026-12-07T00:12:48+00:00"
    assert render("{{ t|html_datetime }}", t=date(2026, 5, 1)) == "2026-05-01"
    assert render("{{ t|html_datetime }}", t=datetime(2026, 5, 1, 9, 30, 0, 5)) == "2026-05-01T09:30:00+01:00"
    assert render("[{{ t|html_datetime }}]", t=None) == "[]"
    assert render("[{{ t|html_datetime }}]", t="<script>") == "[]"


@pytest.fixture
def event_with_microseconds(home_page, site_settings):
    index = EventIndexPageFactory(parent=home_page)
    start = (datetime.now(UTC) + timedelta(days=3)).replace(microsecond=610816)
    end = start + timedelta(hours=2, microseconds=7)
    return EventPageFactory(parent=index, title="Imported meeting", slug="imported", start=start, end=end)


def time_values(html):
    return re.findall(r'<time datetime="([^"]*)"', html)


def pages_showing(client, event):
    return {
        "home": client.get("/").content.decode(),
        "events-list": client.get("/events/").content.decode(),
        "event-page": client.get(event.url).content.decode(),
    }


def test_a_start_with_microseconds_gives_valid_times_on_home_list_and_event_page(client, event_with_microseconds):
    for name, html in pages_showing(client, event_with_microseconds).items():
        values = time_values(html)
        assert values, f"no <time> on the {name}"
        assert all(VALID.fullmatch(value) for value in values), (name, values)
        assert ".610816" not in html


def test_the_html_checker_accepts_those_pages(client, event_with_microseconds):
    if shutil.which("java") is None or not checks.VNU_JAR.exists():
        pytest.skip("HTML checker: java or vnu-jar is not installed (make test-tools)")
    errors = checks.run_vnu(pages_showing(client, event_with_microseconds))
    assert not errors, checks.format_html_errors(errors)
