"""The statement page's timeline (launched, milestones reached, handed in, answered, closed) and whom it asks.

The published hand-ins and answers and the statement's targets are read as plain values (photo
renditions included) once per process until the publish clock moves on, which publishing one moves:
a statement page asks nothing more of the database for them, however many have signed.

A milestone's date is not known (counts are kept, not dated), so reached milestones are shown without
one, in order of their numbers, each placed before the first hand-in that carried that many signatures
(otherwise after the other steps, before signing closed): the sequence is right, and no date is made up.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.publish_clock import KeptUntilNextPublish

from .models.outcomes import Answer, Ask, HandIn
from .progress import parse_milestones

PHOTO_SIZES = ("fill-320x240|format-webp", "fill-640x480|format-webp")  # shown 320 px wide; the second for 2x screens
ORDER = {"launched": 0, "hand-in": 1, "answer": 2, "closed": 3}
NEWS = {"milestone", "hand-in", "answer"}  # what the line beside the count may show

_kept = KeptUntilNextPublish()


def long_date(day):
    return date_format(day, "j F Y")


@dataclass
class Step:
    """One entry of the timeline, as its template shows it.

    `date` orders the steps (and shows above the title when `show_date`); `summary` is the line
    beside the count when the step is the latest; `details` holds a hand-in's photo, an answer's
    quote, link and document.
    """

    kind: str
    title: str
    summary: str
    date: datetime.date | None = None
    text: str = ""
    show_date: bool = True
    upcoming: bool = False
    details: dict = field(default_factory=dict)


@dataclass
class Timeline:
    steps: list
    asks: list

    @property
    def latest(self):
        """The most recent news for beside the count: a milestone, a hand-in or an answer (or None).

        Not the launch, and not the closing: the sign box beside the count says signing closed.
        """
        done = [step for step in self.steps if step.kind in NEWS]
        return done[-1] if done else None

    @property
    def worth_showing(self):
        return bool(self.asks) or len(self.steps) > 1


def timeline(page, total, now=None):
    """The timeline of `page` with `total` confirmed signatures (the count the page shows)."""
    kept = recorded(page.counted_page.pk)  # a translation shows the original's hand-ins and answers (#29)
    now = now or timezone.now()
    dated = launch(page.counted_page) + [hand_in_step(row) for row in kept["hand_ins"]]
    dated += [answer_step(row) for row in kept["answers"]]
    closing = closing_step(page, now)
    if closing and not closing.upcoming:
        dated.append(closing)
    dated.sort(key=lambda step: (step.date, ORDER[step.kind]))
    steps = with_milestones(dated, reached_milestones(page, kept["asks"], total))
    if closing and closing.upcoming:
        steps.append(closing)
    return Timeline(steps=steps, asks=[ask_entry(row, total) for row in kept["asks"]])


def recorded(page_id):
    """{"asks", "hand_ins", "answers"} of a statement as plain values, kept until the publish clock moves on."""
    kept = _kept.current()
    if page_id not in kept:
        kept[page_id] = read(page_id)
    return kept[page_id]


def read(page_id):
    asks = Ask.objects.filter(page_id=page_id).select_related("target")
    hand_ins = HandIn.objects.filter(page_id=page_id, live=True).select_related("target", "photo")
    answers = Answer.objects.filter(page_id=page_id, live=True).select_related("target", "document")
    return {
        "asks": [
            {
                "name": ask.target.name,
                "description": ask.target.description,
                "link": ask.target.link,
                "what_we_ask": ask.what_we_ask,
                "threshold": ask.threshold,
            }
            for ask in asks
        ],
        "hand_ins": [
            {
                "date": hand_in.date,
                "place": hand_in.place,
                "by": hand_in.handed_in_by,
                "to": hand_in.target.name if hand_in.target_id else "",
                "count": hand_in.signature_count,
                "photo": photo(hand_in),
            }
            for hand_in in hand_ins
        ],
        "answers": [
            {
                "date": answer.date,
                "by": answer.answerer,
                "quote": answer.quote,
                "link": answer.link,
                "document": {"url": answer.document.url, "title": answer.document.title,
                             "extension": answer.document.file_extension.upper()}
                if answer.document_id else None,
            }
            for answer in answers
        ],
    }  # fmt: skip


def photo(hand_in):
    """The hand-in's photo as the page shows it (two sizes, for ordinary and sharp screens), or None."""
    if not hand_in.photo_id:
        return None
    image = hand_in.photo
    try:
        small, large = (image.get_rendition(spec) for spec in PHOTO_SIZES)
    except OSError:  # the file went missing (Wagtail's SourceImageIOError): the step without it
        return None
    return {
        "url": small.url,
        "url_2x": large.url,
        "width": small.width,
        "height": small.height,
        "alt": hand_in.photo_alt or image.description or "",  # else hand_in_step says where, in the page's language
    }


def launch(page):
    if page.first_published_at is None:  # a preview of a statement not yet published
        return []
    day = timezone.localdate(page.first_published_at)
    text = _("The statement was published for people and organisations to sign.")
    summary = _("Launched on %(day)s") % {"day": long_date(day)}
    return [Step("launched", _("Launched"), summary, date=day, text=text)]


def hand_in_step(row):
    if row["photo"] and not row["photo"]["alt"]:
        alt = _("The hand-in at %(place)s") % {"place": row["place"]}
        row = {**row, "photo": {**row["photo"], "alt": alt}}  # not the kept row: it serves every language
    words = {"by": row["by"], "place": row["place"], "to": row["to"], "day": long_date(row["date"])}
    if row["count"]:
        words["count"] = f"{row['count']:,}"
        text = ngettext(
            "%(by)s handed in %(count)s signature at %(place)s.",
            "%(by)s handed in %(count)s signatures at %(place)s.",
            row["count"],
        )
    else:
        text = _("%(by)s handed in the statement at %(place)s.")
    if row["to"]:
        title, summary = _("Handed in to %(to)s"), _("Handed in to %(to)s on %(day)s")
    else:
        title, summary = _("Handed in"), _("Handed in on %(day)s")
    return Step("hand-in", title % words, summary % words, date=row["date"], text=text % words, details=row)


def answer_step(row):
    summary = _("%(by)s answered on %(day)s") % {"by": row["by"], "day": long_date(row["date"])}
    return Step("answer", _("%(by)s answered") % {"by": row["by"]}, summary, date=row["date"], details=row)


def closing_step(page, now):
    """ "Signing closed on …" once the closing time has passed, "Signing closes on …" (still to come) before it."""
    closes_at = getattr(page, "closing_time", None)
    if closes_at is None:
        return None
    local = timezone.localtime(closes_at)
    day, text = local.date(), _("At %(time)s, UK time.") % {"time": f"{local:%H:%M}"}
    if closes_at <= now:
        title = _("Signing closed on %(day)s") % {"day": long_date(day)}
        return Step("closed", title, title, date=day, text=text, show_date=False)
    title = _("Signing closes on %(day)s") % {"day": long_date(day)}
    return Step("closes", title, title, date=day, text=text, show_date=False, upcoming=True)


def reached_milestones(page, asks, total):
    """[(number, [asks made at it])] for every milestone and ask threshold the count has reached, smallest first."""
    try:
        numbers = set(parse_milestones(page.milestones))
    except ValueError:
        numbers = set()
    numbers |= {ask["threshold"] for ask in asks if ask["threshold"]}
    reached = sorted(number for number in numbers if number <= total)
    return [(number, [ask for ask in asks if ask["threshold"] == number]) for number in reached]


def milestone_step(number, asks):
    title = _("Reached %(number)s signatures") % {"number": f"{number:,}"}
    text = " ".join(
        _("We now ask %(name)s %(what)s.")
        % {"name": ask["name"], "what": ask["what_we_ask"] or _("to act on the statement")}
        for ask in asks
    )
    return Step("milestone", title, title, text=text, show_date=False, details={"number": number})


def with_milestones(dated, reached):
    """The dated steps with each reached milestone before the first hand-in that carried that many signatures."""
    waiting = [milestone_step(number, asks) for number, asks in reached]
    steps = []
    for step in dated:
        count = step.details.get("count") if step.kind == "hand-in" else None
        while waiting and (step.kind == "closed" or (count is not None and waiting[0].details["number"] <= count)):
            steps.append(waiting.pop(0))
        steps.append(step)
    return steps + waiting


def ask_entry(row, total):
    """A target as the page lists it: who they are, and what we ask of them from when."""
    words = {"what": row["what_we_ask"] or _("to act on the statement"), "threshold": f"{row['threshold'] or 0:,}"}
    if not row["threshold"]:
        sentence = _("We ask them %(what)s.")
    elif total >= row["threshold"]:
        sentence = _("We ask them %(what)s, since we reached %(threshold)s signatures.")
    else:
        sentence = _("We ask them %(what)s when we reach %(threshold)s signatures.")
    return {**row, "sentence": sentence % words}
