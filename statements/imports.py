"""Importing signatures gathered on paper, from a CSV file.

Each line is checked on its own: good lines are kept, bad ones reported by number, and a paper signature
counts at once (signing the sheet confirmed it). Whether an address had already signed is personal data,
so the report names those lines only to importers who may see addresses (`ImportReport.as_seen`).

A file typed from one run of sheets may name its batch code (statements.batch_codes): its signatures
then carry the batch's source code, as a signature through the sheet's QR code does. A ticked "updates"
box is a consent whose address nobody has proven yet (a hand may write anyone's address, a volunteer may
mistype it): recorded as the stall's are, it waits for the emailed link's "yes" before any update goes.
"""

import csv
import io
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from core.languages import language_of_locale
from core.subscriptions.consent import form_name, record_unconfirmed
from core.subscriptions.wording import CURRENT

from .batch_codes import source_code
from .forms import reject_control_characters
from .models import Signature, normalise_email

TRUE_WORDS = {"yes", "y", "true", "1", "x"}
MAX_ROWS = 20_000
# Lines named when a file is not UTF-8, and characters of a reason shown per line:
# a hostile file must not turn the report into a copy of itself.
MAX_LINES_NAMED = 10
MAX_PROBLEM_LENGTH = 300
ALREADY_SIGNED = "this email address has already signed"


class UnreadableFile(ValueError):
    """The file as a whole cannot be read as a CSV of signatures; the message says why."""


class PaperRowForm(forms.Form):
    name = forms.CharField(max_length=100, validators=[reject_control_characters])
    organisation = forms.CharField(max_length=150, required=False, validators=[reject_control_characters])
    role = forms.CharField(max_length=100, required=False, validators=[reject_control_characters])
    town = forms.CharField(max_length=80, required=False, validators=[reject_control_characters])
    email = forms.EmailField(max_length=254, required=False)  # the column's own length
    kind = forms.ChoiceField(choices=Signature.Kind.choices, required=False)
    public = forms.CharField(required=False)
    # The sheet's "send me updates" box (the words of core.subscriptions.wording.CURRENT).
    updates = forms.CharField(required=False)

    def clean_public(self):
        return self.cleaned_data["public"].strip().lower() in TRUE_WORDS

    def clean_updates(self):
        return self.cleaned_data["updates"].strip().lower() in TRUE_WORDS


@dataclass
class ImportReport:
    """What happened to each line; `as_seen` is what an importer is shown of it."""

    imported: int = 0
    batch_code: str = ""
    already_signed: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def problem(self, line, text):
        self.errors.append((line, Truncator(text).chars(MAX_PROBLEM_LENGTH)))

    def as_seen(self, reveal_signers):
        """The report for the page: lines whose address had signed before are named only if `reveal_signers`.

        Otherwise they are counted with the imported lines, so that nothing tells one from the other.
        """
        already = [(line, ALREADY_SIGNED) for line in self.already_signed] if reveal_signers else []
        return {
            "imported": self.imported + (0 if reveal_signers else len(self.already_signed)),
            "batch_code": self.batch_code,
            "reveal_signers": reveal_signers,
            "skipped": sorted(already + self.skipped),
            "errors": self.errors,
        }


def decode(data):
    """The upload as text (UTF-8, with or without a byte-order mark), or the lines that are not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        bad = [number for number, line in enumerate(data.split(b"\n"), start=1) if not is_utf8(line)]
        named = ", ".join(str(number) for number in bad[:MAX_LINES_NAMED])
        more = f" and {len(bad) - MAX_LINES_NAMED} more" if len(bad) > MAX_LINES_NAMED else ""
        raise UnreadableFile(
            f"The file must be a CSV file saved as UTF-8. These lines are not: {named}{more}."
        ) from None


def is_utf8(data):
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def read_rows(uploaded):
    """Yield (line, row) for each line after the headings: a dict, or the csv.Error that line gave.

    Lines are numbered as a spreadsheet's rows (headings are line 1); a bad line does not stop the rest.
    """
    reader = csv.reader(io.StringIO(decode(uploaded.read()), newline=""))
    try:
        headings = [heading.strip().lower() for heading in next(reader, [])]
    except csv.Error:
        headings = []
    if "name" not in headings:
        raise UnreadableFile("The first line must name the columns, including “name”.")
    line = 1
    while True:
        line += 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield line, error
            continue
        yield line, {heading: value.strip() for heading, value in zip(headings, values, strict=False) if heading}


def consent_form_name(page, source, batch_code, language):
    """Where the consent was given, as the person saw it (Consent.form): the sheet, with its batch if known."""
    if source == Signature.Source.PAPER and batch_code:
        words = _("the paper signature sheet of “%(title)s” (batch %(batch)s)")
    elif source == Signature.Source.PAPER:
        words = _("the paper signature sheet of “%(title)s”")
    else:
        words = _("a list of signatures imported for “%(title)s”")
    return form_name(words, language, title=page.title, batch=batch_code)


def import_signatures(page, uploaded, source=Signature.Source.PAPER, saved=None, batch_code=""):
    """Import the lines of `uploaded` onto `page`; raises UnreadableFile if the file as a whole is unreadable.

    `saved(signature)` runs in each new signature's transaction, so an app above statements (stalls) can
    tag what it imported without statements knowing it. `batch_code`: the sheets' code, already read by
    batch_codes.read_batch_code ("" for none).
    """
    # Typed in from the Welsh statement's sheets: Welsh signers, whose emails come in Welsh; their signatures are
    # the original's (one statement in every language).
    language = language_of_locale(page.locale_id) or settings.LANGUAGE_CODE
    consent_form = consent_form_name(page, source, batch_code, language)
    page = page.counted_page
    report = ImportReport(batch_code=batch_code)
    referral_code = source_code(batch_code) if batch_code else ""
    page_url = None  # the statement's address, for the updates email's link: looked up once, when first needed
    signed_before = set(page.signatures.exclude(email_normalised="").values_list("email_normalised", flat=True))
    in_this_file = {}
    now = timezone.now()
    for line, row in read_rows(uploaded):
        if line > MAX_ROWS + 1:
            report.problem(line, f"Stopped: a file may have at most {MAX_ROWS} lines.")
            break
        if isinstance(row, csv.Error):
            report.problem(line, f"this line cannot be read as CSV ({row}).")
            continue
        form = PaperRowForm(row)
        if not form.is_valid():
            report.problem(line, "; ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()))
            continue
        data = form.cleaned_data
        email = normalise_email(data["email"])
        if email in signed_before:
            report.already_signed.append(line)
            continue
        if email in in_this_file:
            report.skipped.append((line, f"the same email address as line {in_this_file[email]}"))
            continue
        kind = data["kind"] or (Signature.Kind.ORGANISATION if data["role"] else Signature.Kind.PERSON)
        keep_informed = data["updates"] and bool(email)  # a tick without an address asks for nothing we can send
        try:
            with transaction.atomic():
                signature = Signature(
                    page=page,
                    kind=kind,
                    name=data["name"],
                    organisation=data["organisation"],
                    role=data["role"],
                    town=data["town"],
                    email=data["email"],
                    show_publicly=data["public"],
                    keep_informed=keep_informed,
                    keep_informed_wording=CURRENT if keep_informed else "",
                    source=source,
                    referral_code=referral_code,
                    confirmed_at=now,
                    language=language,
                )
                signature.save()
                if keep_informed:
                    page_url = page_url or page.get_full_url()
                    record_unconfirmed(email, consent_form, CURRENT, base_url=page_url, source=signature)
                if saved is not None:
                    saved(signature)
        except IntegrityError:  # signed on the website while the file was being read
            report.already_signed.append(line)
            continue
        if email:
            in_this_file[email] = line
        report.imported += 1
    return report
