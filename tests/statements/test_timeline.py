"""What the statement page shows of its targets and timeline, and what reading them costs.

Oldest first: launched, milestones reached (undated: placed before the first hand-in that carried
that many signatures), handed in, answered, signing closed; the latest of the milestones, hand-ins and
answers under the count. Only published hand-ins and answers show.
"""

import re
from datetime import timedelta

import pytest
import wagtail_factories
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import Site

from statements.models import Answer, Ask, HandIn, Target
from tests.html import visible_text
from tests.statements.factories import SignatureFactory, StatementPageFactory
from tests.statements.outcome_factories import (
    AnswerFactory,
    AskFactory,
    HandInFactory,
    TargetFactory,
    days_ago,
    launched,
    published,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement(statement_page, site_settings):
    statement_page.milestones = "5, 20"
    statement_page.save()
    return launched(statement_page, days=30)


def day(days):
    return date_format(days_ago(days), "j F Y")


def step_titles(response):
    timeline = response.content.decode().split('<ol class="timeline">')[1].split("</ol>")[0]
    return [visible_text(title) for title in re.findall(r'<h3 class="timeline-title">(.*?)</h3>', timeline)]


def latest(response):
    found = re.search(r'<p class="latest-step">(.*?)</p>', response.content.decode(), re.S)
    return visible_text(found.group(1)) if found else None


def test_a_statement_with_nothing_but_its_launch_shows_no_timeline(client, statement):
    statement.milestones = ""
    statement.save()
    response = client.get(statement.url)
    assert "What has happened" not in visible_text(response)
    assert latest(response) is None


def test_the_timeline_reads_in_order_with_the_latest_step_under_the_count(client, statement):
    nec = TargetFactory(name="Labour’s NEC")
    SignatureFactory.create_batch(7, page=statement)
    published(HandInFactory(page=statement, date=days_ago(10), target=nec, signature_count=6))
    published(AnswerFactory(page=statement, date=days_ago(3), target=nec, answered_by="", quote="We will meet you."))
    statement.closes_at = timezone.now() - timedelta(hours=1)
    statement.save()

    response = client.get(statement.url)
    closed_on = date_format(timezone.localtime(statement.closes_at), "j F Y")
    assert step_titles(response) == [
        "Launched",
        "Reached 5 signatures",  # reached before the hand-in, which carried 6
        "Handed in to Labour’s NEC",
        "Labour’s NEC answered",
        f"Signing closed on {closed_on}",
    ]
    text = visible_text(response)
    assert f"{day(30)} Launched" in text
    assert (
        f"{day(10)} Handed in to Labour’s NEC A delegation of members handed in 6 signatures at Party head office"
        in text
    )
    assert "We will meet you." in text
    assert latest(response) == f"Latest: Labour’s NEC answered on {day(3)}"
    assert 'href="#timeline"' in response.content.decode() and 'id="timeline"' in response.content.decode()


def test_a_milestone_beyond_every_hand_in_comes_after_them_and_is_the_latest(client, statement):
    SignatureFactory.create_batch(6, page=statement)
    published(HandInFactory(page=statement, date=days_ago(10), signature_count=3))
    response = client.get(statement.url)
    assert step_titles(response) == ["Launched", "Handed in", "Reached 5 signatures"]
    assert latest(response) == "Latest: Reached 5 signatures"


def test_a_closing_still_to_come_ends_the_timeline_as_a_step_ahead(client, statement):
    published(HandInFactory(page=statement, date=days_ago(2)))
    statement.closes_at = timezone.now() + timedelta(days=10)
    statement.save()
    response = client.get(statement.url)
    closes_on = date_format(timezone.localtime(statement.closes_at), "j F Y")
    assert step_titles(response)[-1] == f"Signing closes on {closes_on}"
    assert re.search(r'<li class="timeline-step timeline-closes is-upcoming">', response.content.decode())
    assert latest(response) == f"Latest: Handed in on {day(2)}"


def test_drafts_and_other_statements_steps_stay_off_the_page(client, statement, home_page):
    other = launched(StatementPageFactory(parent=home_page, slug="another", title="Another"))
    HandInFactory(page=statement, place="A draft place")
    published(HandInFactory(page=other, place="Another statement's place"))
    published(AnswerFactory(page=other, quote="Not about this statement."))
    text = visible_text(client.get(statement.url))
    for absent in ("A draft place", "Another statement's place", "Not about this statement."):
        assert absent not in text


def test_whom_we_ask_says_what_and_from_how_many_signatures(client, statement):
    SignatureFactory.create_batch(3, page=statement)
    nec, mp, conference = (
        TargetFactory(name="The NEC", description="Runs the party."),
        TargetFactory(name="Our MP", description="", link="https://example.org/mp"),
        TargetFactory(name="Conference", description=""),
    )
    AskFactory(page=statement, target=nec, sort_order=1)
    AskFactory(page=statement, target=mp, threshold=3, what_we_ask="to sign it too", sort_order=2)
    AskFactory(page=statement, target=conference, threshold=100, what_we_ask="", sort_order=3)
    response = client.get(statement.url)
    text = visible_text(response)
    assert "Who we are asking The NEC Runs the party. We ask them to respond." in text
    assert "Our MP We ask them to sign it too, since we reached 3 signatures." in text
    assert "Conference We ask them to act on the statement when we reach 100 signatures." in text
    assert '<a href="https://example.org/mp">Our MP</a>' in response.content.decode()
    assert "Reached 3 signatures We now ask Our MP to sign it too." in text  # the threshold is a milestone too


def test_what_editors_type_is_shown_as_text(client, statement):
    published(AnswerFactory(page=statement, answered_by="<b>Bold</b> Ltd", quote='<script>alert("x")</script>'))
    html = client.get(statement.url).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;b&gt;Bold&lt;/b&gt; Ltd answered" in html


def test_an_answer_links_its_document_and_the_page_it_was_published_on(client, statement):
    document = wagtail_factories.DocumentFactory(title="Letter from the NEC", file__filename="letter.pdf")
    published(AnswerFactory(page=statement, quote="", link="https://example.org/reply", document=document))
    html = client.get(statement.url).content.decode()
    assert '<a href="https://example.org/reply">Read their answer</a>' in html
    assert f'<a href="{document.url}">Letter from the NEC (PDF)</a>' in html


def test_a_hand_in_photo_is_shown_small_with_its_description(client, statement):
    photo = wagtail_factories.ImageFactory(title="IMG_2031", file__width=1200, file__height=900)
    published(HandInFactory(page=statement, photo=photo, photo_alt="Members at the door with the box"))
    html = client.get(statement.url).content.decode()
    image = re.search(r'<img class="timeline-photo"[^>]*>', html).group(0)
    assert 'alt="Members at the door with the box"' in image
    assert 'width="320" height="240"' in image and 'loading="lazy"' in image
    assert re.search(r'src="[^"]+\.webp" srcset="[^"]+\.webp 1x, [^"]+\.webp 2x"', image)


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured]


def test_the_timeline_costs_the_same_queries_for_10_and_300_signatures_and_is_read_once_per_publish(client, statement):
    photo = wagtail_factories.ImageFactory(file__width=800, file__height=600)
    nec = TargetFactory(name="The NEC")
    AskFactory(page=statement, target=nec, threshold=5)
    published(HandInFactory(page=statement, photo=photo, target=nec))
    published(AnswerFactory(page=statement, target=nec))
    SignatureFactory.create_batch(10, page=statement)
    client.get(statement.url)  # reads the timeline, makes the photo's renditions
    few = queries(client, statement.url)
    SignatureFactory.create_batch(300, page=statement)
    many = queries(client, statement.url)
    assert len(many) == len(few)
    outcome_tables = ("statements_handin", "statements_answer", "statements_ask", "statements_target")
    assert not [sql for sql in many if any(table in sql for table in outcome_tables)]  # kept until a publish

    published(AnswerFactory(page=statement, answered_by="A second voice", quote="Later words."))
    assert "Later words." in visible_text(client.get(statement.url))


def test_the_demo_statement_has_a_timeline_and_loading_the_demo_again_adds_nothing(client):
    call_command("load_demo_content", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    Site.objects.filter(is_default_site=True).update(hostname="testserver")
    assert (Target.objects.count(), Ask.objects.count(), HandIn.objects.count(), Answer.objects.count()) == (2, 2, 1, 1)
    response = client.get("/statement/")
    assert step_titles(response) == [
        "Launched",
        "Reached 10 signatures",
        "Handed in to Labour’s National Executive Committee",
        "Labour’s National Executive Committee answered",
    ]
    assert latest(response) == f"Latest: Labour’s National Executive Committee answered on {day(5)}"
