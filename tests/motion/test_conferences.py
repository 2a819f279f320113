"""Conferences editors keep, and what the public sees of them: a board per conference, the pathway on the
motion page."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaign.motion.models import Conference, PathwayStep
from core.page_cache import forget_local
from statements.models import Union
from tests.html import visible_text
from tests.motion.factories import (
    AffiliatedBodyFactory,
    ConferenceFactory,
    DelegatePledgeFactory,
    PathwayStepFactory,
    VerifiedReportFactory,
    days,
)

pytestmark = pytest.mark.django_db


def conference_errors(**changes):
    conference = ConferenceFactory.build(**changes)
    with pytest.raises(ValidationError) as raised:
        conference.full_clean()
    return {field: " ".join(messages) for field, messages in raised.value.message_dict.items()}


def test_a_sound_conference_passes_and_gets_its_board_address():
    conference = ConferenceFactory.build(name="Labour Party Conference 2027")
    conference.full_clean()
    conference.save()
    assert conference.slug == "labour-party-conference-2027"
    assert ConferenceFactory(name="Labour Party Conference 2027").slug == "labour-party-conference-2027-2"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"motions_deadline": days(46)},
            "motions_deadline",
            "The deadline for motions must come before the conference",
        ),
        ({"motions_deadline": days(45)}, "motions_deadline", "must come before the conference starts"),
        ({"amendments_deadline": days(50)}, "amendments_deadline", "The deadline for amendments must come before"),
        ({"amendments_deadline": days(10)}, "amendments_deadline", "comes after the deadline for motions"),
        ({"ends_on": days(44)}, "ends_on", "The last day comes before the first day."),
        ({"takes_from_clps": False, "takes_from_union_branches": False}, "takes_from_clps", "Tick where motions come"),
        ({"body": Conference.Body.UNION}, "union", "Choose the union whose conference it is."),
    ],
)
def test_deadlines_after_the_start_and_other_contradictions_are_refused(changes, field, message):
    assert message in conference_errors(**changes)[field]


def test_an_organiser_adds_a_conference_in_the_admin_and_a_bad_deadline_is_refused(client, organiser):
    client.force_login(organiser)
    data = {
        "name": "Unite Policy Conference",
        "slug": "",
        "body": "union",
        "union": str(Union.objects.create(name="Unite").pk),
        "place": "Brighton",
        "starts_on": days(60).isoformat(),
        "ends_on": days(62).isoformat(),
        "motions_deadline": days(61).isoformat(),
        "amendments_deadline": "",
        "takes_from_union_branches": "on",
    }
    response = client.post("/admin/snippets/motion/conference/add/", data)
    assert "The deadline for motions must come before the conference starts" in visible_text(response)
    assert not Conference.objects.exists()

    client.post("/admin/snippets/motion/conference/add/", data | {"motions_deadline": days(20).isoformat()})
    conference = Conference.objects.get()
    assert (conference.slug, conference.organiser_name) == ("unite-policy-conference", "Unite")


def test_the_board_shows_deadlines_counts_and_only_verified_steps(client, motion_page):
    conference = ConferenceFactory(name="Labour Party Conference 2027", amendments_deadline=None)
    submitted = PathwayStepFactory(conference=conference, report__body_name="Leeds Central branch")
    PathwayStepFactory(conference=conference, report=submitted.report, stage="accepted", happened_on=days(-2))
    PathwayStepFactory(
        conference=conference,
        report=submitted.report,
        stage="composited",
        happened_on=days(-1),
        composite_name="Composite 4",
        composited_with="Hull West CLP",
    )
    PathwayStepFactory(conference=conference, report__body_name="Hull East branch")
    PathwayStepFactory(conference=conference, report__body_name="Unchecked branch", verified_at=None)
    for name, members in (("Unite", 120_000), ("GMB", 61_000)):
        DelegatePledgeFactory(
            conference=conference, body=AffiliatedBodyFactory(name=name, affiliated_membership=members)
        )
    DelegatePledgeFactory(conference=conference, body__name="Waiting union", verified_at=None)

    text = visible_text(client.get(f"/motion/conferences/{conference.slug}/"))

    assert f"Next deadline for motions: {days(14):%A %-d %B %Y} (in 14 days)" in text
    assert "2 submitted 1 accepted 1 composited 0 debated 0 result" in text
    assert "Delegates pledged: 2 delegations, about 180,000 affiliated members" in text
    assert "2 bodies sent the motion" in text
    assert "Leeds Central branch (GMB) Composited" in text
    assert "Composited into Composite 4 with Hull West CLP" in text
    assert text.index("Leeds Central branch") < text.index("Hull East branch")  # furthest along first
    assert "Unchecked branch" not in text


def test_an_unknown_board_is_not_found(client, motion_page):
    assert client.get("/motion/conferences/no-such-conference/").status_code == 404


def test_the_motion_page_shows_the_pathway_and_the_next_deadline(client, motion_page):
    soon = ConferenceFactory(name="Labour Party Conference 2027", motions_deadline=days(9))
    ConferenceFactory(name="TUC Congress 2027", starts_on=days(80), ends_on=days(82), motions_deadline=days(40))
    ConferenceFactory(name="Long past", starts_on=days(-400), ends_on=days(-398), motions_deadline=days(-430))
    PathwayStepFactory(conference=soon)

    text = visible_text(client.get("/motion/"))

    assert f"Next deadline: motions to Labour Party Conference 2027, {days(9):%A %-d %B %Y} (in 9 days)" in text
    assert "Labour Party Conference 2027" in text and "TUC Congress 2027" in text
    assert "1 submitted 0 accepted" in text
    assert "Long past" not in text


def test_no_conference_no_pathway(client, motion_page):
    assert "From branch to conference floor" not in visible_text(client.get("/motion/"))


def fill(conference, number):
    """`number` bodies at the conference, each submitted, accepted, composited with another report, pledged."""
    others = VerifiedReportFactory.create_batch(2)
    for _ in range(number):
        step = PathwayStepFactory(conference=conference)
        PathwayStepFactory(conference=conference, report=step.report, stage="accepted", happened_on=days(-3))
        composited = PathwayStepFactory(
            conference=conference, report=step.report, stage="composited", happened_on=days(-2)
        )
        composited.composited_with_reports.set(others)
        DelegatePledgeFactory(conference=conference)


def rendered_afresh():
    """The next GET renders the page (no cached copy), with every per-process list already read once."""
    cache.clear()
    forget_local()


def queries_for(client, path):
    client.get(path)  # a first view reads what a process keeps (the site, the menu) once
    rendered_afresh()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_board_and_the_motion_page_cost_the_same_queries_for_10_and_100_bodies(
    client, motion_page, django_assert_num_queries
):
    conference = ConferenceFactory()
    board = f"/motion/conferences/{conference.slug}/"
    fill(conference, 10)
    board_queries, page_queries = queries_for(client, board), queries_for(client, "/motion/")

    fill(conference, 90)
    assert PathwayStep.objects.filter(conference=conference).count() == 300
    for path, expected in ((board, board_queries), ("/motion/", page_queries)):
        client.get(path)
        rendered_afresh()
        with django_assert_num_queries(expected):
            client.get(path)
    assert "100 bodies sent the motion" in visible_text(client.get(board))


def test_deadline_wording_on_its_day(client, motion_page):
    conference = ConferenceFactory(motions_deadline=timezone.localdate())
    text = visible_text(client.get(f"/motion/conferences/{conference.slug}/"))
    assert f"Next deadline for motions: {timezone.localdate():%A %-d %B %Y} (today)" in text
    conference.motions_deadline = conference.amendments_deadline = timezone.localdate() - timedelta(days=1)
    conference.save()
    assert "The deadlines for motions and amendments have passed." in visible_text(
        client.get(f"/motion/conferences/{conference.slug}/")
    )
