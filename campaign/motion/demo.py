"""Demo motion page: a model motion drawn from the statement's demands."""

from core.demo import child_page

from .models import MotionPage

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


def build(home):
    return child_page(
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
