"""The statement's opening: a count people can read at a glance and a bar towards a near milestone."""

import pytest
from django.core.exceptions import ValidationError

from statements.models import SignatureCount
from statements.progress import parse_milestones
from tests.html import visible_text
from tests.statements.factories import SignatureFactory

pytestmark = pytest.mark.django_db


def set_counts(page, people, organisations):
    """Kept counters as a busy statement has them, without making thousands of rows."""
    SignatureCount.add(page.pk, "person", people)
    SignatureCount.add(page.pk, "organisation", organisations)


def test_the_count_is_a_sentence_with_grouped_numbers_and_the_bar_aims_at_the_next_milestone(
    client, statement_page, site_settings
):
    statement_page.milestones = "100, 500, 2000, 5000"
    statement_page.save_revision().publish()
    set_counts(statement_page, 1204, 37)

    html = client.get(statement_page.url).content.decode()
    text = visible_text(html)

    assert "1,204 people and 37 organisations have signed" in text
    assert "1,241 of 2,000 signatures, towards our next milestone" in text
    assert '<progress id="milestone-progress" max="2000" value="1241">1,241 of 2,000</progress>' in html
    # The form comes straight after the opening, before the statement's text.
    assert html.index('id="milestone-progress"') < html.index('id="sign"') < html.index("We demand a better world.")


def test_past_the_last_milestone_the_bar_shows_the_last_one_reached(client, statement_page, site_settings):
    statement_page.milestones = "10, 50"
    statement_page.save_revision().publish()
    set_counts(statement_page, 60, 0)

    html = client.get(statement_page.url).content.decode()

    assert "60 of 50 signatures: our last milestone, reached" in visible_text(html)
    assert '<progress id="milestone-progress" max="50" value="50">' in html


def test_without_milestones_there_is_no_bar(client, statement_page, site_settings):
    statement_page.milestones = ""
    statement_page.save_revision().publish()
    SignatureFactory(page=statement_page)

    html = client.get(statement_page.url).content.decode()

    assert "1 person has signed" in visible_text(html)
    assert "<progress" not in html


def test_the_counts_json_gives_the_next_milestone_as_its_goal(client, statement_page, site_settings):
    set_counts(statement_page, 120, 0)
    statement_page.milestones = "100, 500"
    statement_page.save_revision().publish()

    assert client.get("/statement.json").json()["goal"] == 500


@pytest.mark.parametrize("text", ["100, lots", "0, 100", "-5", "1.5"])
def test_an_editor_is_told_when_milestones_are_not_whole_numbers(statement_page, text):
    statement_page.milestones = text
    with pytest.raises(ValidationError) as error:
        statement_page.full_clean()
    assert "whole numbers above 0" in str(error.value)


def test_milestones_are_read_in_order_whatever_order_they_are_typed_in():
    assert parse_milestones(" 2000,100 ;500, 100,") == [100, 500, 2000]
