"""Demo motion page: a model motion drawn from the statement's demands, and the tracker's invented reports."""

from datetime import timedelta

from django.utils import timezone

from core.demo import child_page
from statements.models import Union

from .models import AffiliatedBody, Conference, DelegatePledge, MotionPage, MotionReport, PathwayStep
from .tracker import matching_signature

MOTION = (
    "<p>[branch] notes:</p>"
    "<ol>"
    "<li>That another Tory government, ruling alone or in coalition, would be a disaster for the "
    "working class.</li>"
    "<li>That Labour is linked to workers’ basic organisations, the trade unions, and that if the "
    "unions choose to fight they can change Labour’s direction.</li>"
    "</ol>"
    "<p>[branch] believes:</p>"
    "<ol>"
    "<li>That the working class should not pay for the capitalist crisis through lower pay, job "
    "insecurity, workplace stress and cuts to services.</li>"
    "<li>That British and migrant workers have the same interests, and that the labour movement "
    "should support freedom of movement and equal rights for all.</li>"
    "</ol>"
    "<p>[branch] resolves:</p>"
    "<ol>"
    "<li>To campaign for a Labour victory at the general election, while pressing Labour to win "
    "working-class demands: the Living Wage, a fully public NHS, free education, an end to zero "
    "hours contracts, rail renationalisation, reversing all cuts, taxing the rich and taking the "
    "banks into democratic public ownership.</li>"
    "<li>To add the branch’s name to the statement of the Socialist Campaign for a Labour Victory.</li>"
    "<li>To invite a speaker from the campaign to a branch meeting.</li>"
    "</ol>"
)


# Invented bodies: (name, type, union, region, status, days from today, verified). Example.org addresses only.
REPORTS = [
    ("Eastport Unite branch", "union", "Unite", "east", "passed", -40, True),
    ("Westvale CWU branch", "union", "CWU", "south-west", "passed", -25, True),
    ("Northtown Labour Party branch", "labour", "", "north-east", "amended", -18, True),
    ("Anytown Trades Union Council", "trades-council", "", "north-west", "passed", -12, True),
    ("Midcity UNISON health branch", "union", "UNISON", "west-midlands", "passed", -9, True),
    ("Southbay GMB branch", "union", "GMB", "south-east", "defeated", -7, True),
    ("Glenford NEU district", "union", "NEU", "scotland", "amended", -5, True),
    ("Rivermouth Constituency Labour Party", "labour", "", "wales", "tabled", 10, True),
    ("Hilltown RMT branch", "union", "RMT", "yorkshire", "passed", -3, False),  # waiting for an organiser
]


def build(home):
    page = child_page(
        home,
        MotionPage,
        "motion",
        title="Model motion",
        show_in_menus=True,
        intro=(
            "<p>Put this motion to your trade union branch, Labour Party branch or other organisation, "
            "and invite a speaker from the campaign to your meeting.</p>"
        ),
        motion=MOTION,
        speaker_intro=(
            "<p>We can send a speaker to your branch meeting, in person or online. Tell us when "
            "and where, and we will be in touch.</p>"
        ),
    )
    build_reports(page)
    build_pathway()
    return page


def build_reports(page):
    if MotionReport.objects.exists():
        return
    today, now = timezone.localdate(), timezone.now()
    for number, (name, body_type, union, region, status, days, verified) in enumerate(REPORTS):
        report = MotionReport(
            page=page,
            body_name=name,
            body_type=body_type,
            union=Union.objects.get_or_create(name=union)[0] if union else None,
            region=region,
            status=status,
            meeting_date=today + timedelta(days=days),
            reporter_role="Branch Secretary",
            email=f"reporter{number + 1}@example.org",
            email_confirmed_at=now,
            followed_up_for=today + timedelta(days=days) if days < 0 else None,
            verified_at=now if verified else None,
            verification=MotionReport.Verification.PHONE if verified else "",
        )
        report.signature = matching_signature(report) if verified else None  # the demo statement's branches
        report.save()


# The conference pathway: invented conferences, delegations and figures (example values, not real ones).
# Conferences: (name, body, days to the start, length in days, days to the motions deadline, sources).
CONFERENCES = [
    ("Labour Party Conference (example)", "labour", 40, 4, 14, ("takes_from_clps", "takes_from_union_branches")),
    ("TUC Congress (example)", "tuc", 90, 3, 50, ("takes_from_trades_councils",)),
]
# Delegations: (name, affiliated members, where the figure comes from). Example figures.
BODIES = [
    ("Unite (example)", 900_000, "Example figure for the demo"),
    ("UNISON (example)", 1_100_000, "Example figure for the demo"),
    ("CWU (example)", 180_000, "Example figure for the demo"),
    ("Northtown CLP (example)", 1_200, "Example figure for the demo"),
]
# Steps at the first conference: (body of a demo report, stage, days from today, details).
STEPS = [
    ("Northtown Labour Party branch", "submitted", -10, {"submitted_by": "Northtown CLP"}),
    ("Northtown Labour Party branch", "accepted", -4, {}),
    ("Eastport Unite branch", "submitted", -8, {"submitted_by": "Unite Eastern region"}),
    ("Eastport Unite branch", "accepted", -4, {}),
    (
        "Eastport Unite branch",
        "composited",
        -1,
        {"composite_name": "Composite 4", "composited_with": "two other CLPs’ motions on public ownership"},
    ),
    ("Westvale CWU branch", "submitted", -6, {"submitted_by": "CWU South West region"}),
]
# Pledges at the first conference: (delegate, delegation, verified).
PLEDGES = [
    ("A. Delegate", "Unite (example)", True),
    ("B. Delegate", "CWU (example)", True),
    ("C. Delegate", "Northtown CLP (example)", True),
    ("D. Delegate", "UNISON (example)", False),  # waiting for an organiser
]


def build_pathway():
    if Conference.objects.exists():
        return
    today, now = timezone.localdate(), timezone.now()
    conferences = []
    for name, body, start, days, deadline, sources in CONFERENCES:
        conference = Conference(
            name=name,
            body=body,
            place="Anytown",
            starts_on=today + timedelta(days=start),
            ends_on=today + timedelta(days=start + days - 1),
            motions_deadline=today + timedelta(days=deadline),
            amendments_deadline=today + timedelta(days=deadline + 10),
            **dict.fromkeys(sources, True),
        )
        conference.full_clean()
        conference.save()
        conferences.append(conference)
    bodies = {
        name: AffiliatedBody.objects.create(name=name, affiliated_membership=members, source=source)
        for name, members, source in BODIES
    }
    checked = {"email_confirmed_at": now, "verified_at": now, "verification": "phone"}
    for number, (body_name, stage, days, details) in enumerate(STEPS):
        report = MotionReport.objects.filter(body_name=body_name).first()
        if report is not None:
            PathwayStep.objects.create(
                report=report,
                conference=conferences[0],
                stage=stage,
                happened_on=today + timedelta(days=days),
                reporter_role="Secretary",
                email=f"step{number + 1}@example.org",
                **details,
                **checked,
            )
    for number, (name, body, verified) in enumerate(PLEDGES):
        DelegatePledge.objects.create(
            conference=conferences[0],
            delegate_name=name,
            body=bodies[body],
            email=f"delegate{number + 1}@example.org",
            notices=True,
            **(checked if verified else {"email_confirmed_at": now}),
        )
