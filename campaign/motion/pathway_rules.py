"""The order of a motion's way through a conference: what a new step needs, said plainly when it is refused.

A step needs the motion submitted to that conference first (submitted
needs the body's verified, passed report); nothing follows "ruled out of
order"; each stage is reported once; dates are not in the future, a
submission is within the deadline, and a debate or result falls within the
conference's dates, once it has started. Steps still waiting for their
reporter's confirmation count for nothing.
"""

from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

from .models.pathway import PathwayStep

Stage = PathwayStep.Stage
Result = PathwayStep.Result
FOLLOWING = {Stage.ACCEPTED, Stage.COMPOSITED, Stage.DEBATED, Stage.RESULT}  # what ruled out of order forbids
AT_CONFERENCE = {Stage.DEBATED, Stage.RESULT}


def day(date):
    return date_format(date, "j F Y")


def step_problems(report, conference, stage, happened_on, today, exclude_pk=None):
    """What is wrong with reporting `stage` of `report` at `conference` on `happened_on`: {field: message}."""
    earlier = {
        step.stage: step
        for step in PathwayStep.objects.confirmed()
        .filter(report=report, conference=conference)
        .exclude(pk=exclude_pk)
        .only("stage", "happened_on")
    }
    problems = {}
    body, name = report.body_name, conference.name
    if not (report.is_verified and report.has_passed):
        problems["report"] = _("%(body)s is not on our list of bodies that passed the motion yet.") % {"body": body}
    elif stage in earlier:
        problems["stage"] = _("We already have “%(stage)s” for %(body)s at %(name)s.") % {
            "stage": Stage(stage).label.lower(),
            "body": body,
            "name": name,
        }
    elif stage == Stage.SUBMITTED:
        if not conference.takes_from(report):
            sources = _(" and ").join(_(name) for name in conference.source_names()) or _("no one yet")
            problems["conference"] = _("%(name)s takes motions from %(sources)s: not from %(body)s.") % {
                "name": name,
                "sources": sources,
                "body": body,
            }
    elif Stage.SUBMITTED not in earlier:
        problems["stage"] = _(
            "%(body)s’s motion has not been reported as submitted to %(name)s yet: "
            "please tell us about the submission first."
        ) % {"body": body, "name": name}
    elif Stage.RULED_OUT in earlier:
        problems["stage"] = _("%(body)s’s motion was ruled out of order at %(name)s, so it goes no further there.") % {
            "body": body,
            "name": name,
        }
    elif stage == Stage.RULED_OUT and FOLLOWING & earlier.keys():
        problems["stage"] = _("%(body)s’s motion was already accepted at %(name)s.") % {"body": body, "name": name}
    elif stage == Stage.RESULT and Stage.DEBATED not in earlier:
        problems["stage"] = _("Please tell us first that %(body)s’s motion was debated at %(name)s.") % {
            "body": body,
            "name": name,
        }
    if happened_on and "stage" not in problems:
        problems |= date_problems(conference, stage, happened_on, today, earlier.get(Stage.SUBMITTED))
    return problems


def date_problems(conference, stage, happened_on, today, submission):
    name = conference.name
    if happened_on > today:
        return {"happened_on": _("That date is still to come: please tell us once it has happened.")}
    if stage == Stage.SUBMITTED and happened_on > conference.motions_deadline:
        return {
            "happened_on": _(
                "The deadline for motions to %(name)s was %(date)s: a motion submitted after it is too late. "
                "If the conference took it all the same, please write to us."
            )
            % {"name": name, "date": day(conference.motions_deadline)}
        }
    if stage in AT_CONFERENCE and not conference.has_started(today):
        return {
            "stage": _(
                "%(name)s starts on %(date)s: a debate or a result can be reported once the conference has happened."
            )
            % {"name": name, "date": day(conference.starts_on)}
        }
    if stage in AT_CONFERENCE and not conference.starts_on <= happened_on <= conference.ends_on:
        return {
            "happened_on": _("%(name)s ran from %(start)s to %(end)s: please give the day it was debated.")
            % {"name": name, "start": day(conference.starts_on), "end": day(conference.ends_on)}
        }
    if submission and happened_on < submission.happened_on:
        return {
            "happened_on": _("That is before the motion was submitted (%(date)s).")
            % {"date": day(submission.happened_on)}
        }
    return {}


def detail_problems(stage, details):
    """What the stage's own details lack or contradict: who submitted it, the composite, the result's card vote."""
    if stage == Stage.SUBMITTED and not details.get("submitted_by"):
        return {"submitted_by": _("Please say who submitted it, for example the CLP or the union’s region.")}
    if stage == Stage.COMPOSITED and not (details.get("composite_name") or details.get("composited_with")):
        return {"composite_name": _("Please give the composite’s number, or the motions it was composited with.")}
    if stage != Stage.RESULT:
        return {}
    result = details.get("result")
    if not result:
        return {"result": _("Please say whether it was carried, lost or remitted.")}
    return card_vote_problems(result, details.get("card_for"), details.get("card_against"), details.get("card_abstain"))


def card_vote_problems(result, votes_for, against, abstain):
    if votes_for is None and against is None and abstain is None:
        return {}
    if result == Result.REMITTED:
        return {"card_for": _("A remitted motion is not voted on: please leave the card vote empty.")}
    if votes_for is None or against is None:
        return {"card_for": _("Please give both the votes for and against (abstentions if there were any).")}
    if result == Result.CARRIED and votes_for <= against:
        return {"card_for": _("With those figures the motion was not carried: please check them.")}
    if result == Result.LOST and votes_for > against:
        return {"card_for": _("With those figures the motion was carried, not lost: please check them.")}
    return {}
