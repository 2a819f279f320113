"""An update about a statement's published hand-in or response: drafted from it and linked to it, once.

The draft is an ordinary UpdatePage under the news index, filled in from the step. The editor changes
what they like, publishes it and emails it through the usual screens, which preview it and confirm the
number of recipients first. Each step has at most one update (a one-to-one field on UpdatePage: the
database refuses a second), and sending emails each subscriber at most once per update (sending.prepare),
so nobody is emailed twice about the same step.
"""

import json

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug

from statements.models import Answer, HandIn

from .models import UpdateIndexPage, UpdatePage

# The kinds of step an update may announce, as they appear in admin URLs, and the field naming each.
STEP_MODELS = {"hand-in": HandIn, "response": Answer}
LINK_FIELDS = {HandIn: "about_hand_in", Answer: "about_answer"}
READ_THE_STATEMENT = 'Read the statement and add your name: <a linktype="page" id="{}">{}</a>.'  # rich text's page link
QUOTE_BLOCK_LIMIT = 1000  # news.blocks.QuoteBlock's max_length: a longer answer goes in as paragraphs


def kind_of(step):
    return next(kind for kind, model in STEP_MODELS.items() if isinstance(step, model))


def update_about(step):
    """The update announcing `step` (draft or published), or None."""
    return UpdatePage.objects.filter(**{LINK_FIELDS[type(step)]: step}).first()


def news_index():
    return UpdateIndexPage.objects.first()


def draft_update(step, user):
    """(the update about `step`, made now?): a draft under the news index, filled in from the step.

    Another editor's draft made a moment earlier wins (the database refuses a second): theirs is returned.
    """
    existing = update_about(step)
    if existing is not None:
        return existing, False
    index = news_index()
    words = prefilled(step)
    page = UpdatePage(
        title=words["title"],
        slug=find_available_slug(index, slugify(words["title"])[:80] or "update"),
        standfirst=words["standfirst"],
        body=json.dumps(words["body"]),
        date=timezone.localdate(),
        live=False,
        owner=user,
        **{LINK_FIELDS[type(step)]: step},
    )
    try:
        with transaction.atomic():
            index.add_child(instance=page)
            page.save_revision(user=user, log_action=True)
    except (IntegrityError, ValidationError):  # the one-to-one field: someone else's draft came first
        existing = update_about(step)
        if existing is None:
            raise
        return existing, False
    return page, True


def prefilled(step):
    """{"title", "standfirst", "body"} of an update about `step`, in the campaign's plain words."""
    statement = step.page
    day = date_format(step.date, "j F Y")
    link = paragraph(format_html(READ_THE_STATEMENT, statement.pk, statement.title))
    if isinstance(step, HandIn):
        to = f" to {step.target.name}" if step.target_id else ""
        count = f"{step.signature_count:,} signatures" if step.signature_count else "the statement"
        body = [paragraph(format_html("{} handed in {} at {}.", step.handed_in_by, count, step.place))]
        if step.photo_id:
            alt = step.photo_alt or step.photo.description or f"The hand-in at {step.place}"
            body.append({"type": "image", "value": {"image": step.photo_id, "alt_text": alt[:200], "caption": ""}})
        return {
            "title": f"We handed in the statement{to}",
            "standfirst": f"On {day}, {step.handed_in_by} handed in {count}{to} at {step.place}."[:400],
            "body": [*body, link],
        }
    who = step.answerer
    body = []
    if step.quote.strip():
        if len(step.quote) <= QUOTE_BLOCK_LIMIT:
            body.append({"type": "quote", "value": {"quote": step.quote, "attribution": who[:200]}})
        else:
            body += [paragraph(format_html("{}", part)) for part in step.quote.split("\n\n") if part.strip()]
    if step.link:
        body.append(paragraph(format_html('<a href="{}">Read their answer in full</a>.', step.link)))
    if step.document_id:
        body.append({"type": "document", "value": {"document": step.document_id, "link_text": ""}})
    return {
        "title": f"{who} answered our statement"[:255],
        "standfirst": f"On {day}, {who} answered the statement “{statement.title}”."[:400],
        "body": [*body, link],
    }


def paragraph(html):
    return {"type": "paragraph", "value": f"<p>{html}</p>"}
