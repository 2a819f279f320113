"""Demo motion page: a model motion drawn from the statement's demands, and the tracker's invented reports."""

from datetime import timedelta

from django.utils import timezone

from core.demo import child_page
from statements.models import Union

from .models import MotionPage, MotionReport
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
