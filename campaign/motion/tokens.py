"""Signed links in the tracker's emails: confirming a report, and answering "how did the meeting go?".

As statements/tokens.py: a link carries the report's id and a digest, signed
with SECRET_KEY and a per-purpose salt; nothing is stored. An answer link's
digest includes the meeting date it asks about, so after a postponement the
old email's buttons no longer apply.
"""

import hashlib

from django.core import signing

from core.queries import by_pk

from .models.reports import MotionReport

CONFIRM = "motion.report.confirm"
ANSWER = "motion.report.answer"
MAX_AGE = {CONFIRM: 60 * 60 * 24 * 30, ANSWER: 60 * 60 * 24 * 60}


class BadToken(Exception):
    """The link was altered, has expired, or no longer applies."""


def _digest(report, purpose):
    meeting = report.meeting_date.isoformat() if purpose == ANSWER and report.meeting_date else ""
    return hashlib.sha256(f"{report.pk}:{report.email.lower()}:{meeting}".encode()).hexdigest()[:16]


def make_token(report, purpose):
    return signing.dumps([report.pk, _digest(report, purpose)], salt=purpose, compress=False)


def read_token(token, purpose):
    """The report `token` was made for, or raise BadToken."""
    try:
        pk, digest = signing.loads(token, salt=purpose, max_age=MAX_AGE[purpose])
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadToken() from error
    report = by_pk(MotionReport.objects, pk) if isinstance(pk, int) else None
    if report is None or _digest(report, purpose) != digest:
        raise BadToken()
    return report
