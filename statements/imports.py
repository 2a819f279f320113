"""Importing signatures gathered on paper, from a CSV file.

Each line is checked on its own: good lines are kept, bad lines are reported
by line number, and addresses that have already signed are skipped. Paper
signatures count at once: the signer confirmed by signing the sheet.
"""

import csv
import io
from dataclasses import dataclass, field

from django import forms
from django.db import transaction
from django.utils import timezone

from .forms import reject_control_characters
from .models import Signature, normalise_email

TRUE_WORDS = {"yes", "y", "true", "1", "x"}
MAX_ROWS = 20_000


class PaperRowForm(forms.Form):
    name = forms.CharField(max_length=100, validators=[reject_control_characters])
    organisation = forms.CharField(max_length=150, required=False, validators=[reject_control_characters])
    role = forms.CharField(max_length=100, required=False, validators=[reject_control_characters])
    town = forms.CharField(max_length=80, required=False, validators=[reject_control_characters])
    email = forms.EmailField(required=False)
    kind = forms.ChoiceField(choices=Signature.Kind.choices, required=False)
    public = forms.CharField(required=False)

    def clean_public(self):
        return self.cleaned_data["public"].strip().lower() in TRUE_WORDS


@dataclass
class ImportReport:
    imported: int = 0
    skipped: list = field(default_factory=list)
    errors: list = field(default_factory=list)


def read_rows(uploaded):
    """Decode the upload (UTF-8, with or without a byte-order mark) into dict rows."""
    text = uploaded.read().decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "name" not in [name.strip().lower() for name in reader.fieldnames]:
        raise ValueError("The first line must name the columns, including “name”.")
    for row in reader:
        yield {(key or "").strip().lower(): (value or "").strip() for key, value in row.items() if key}


def import_signatures(page, uploaded, source=Signature.Source.PAPER):
    report = ImportReport()
    seen = set(page.signatures.exclude(email_normalised="").values_list("email_normalised", flat=True))
    now = timezone.now()
    for line, row in enumerate(read_rows(uploaded), start=2):
        if line > MAX_ROWS + 1:
            report.errors.append((line, f"Stopped: a file may have at most {MAX_ROWS} lines."))
            break
        form = PaperRowForm(row)
        if not form.is_valid():
            problems = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items())
            report.errors.append((line, problems))
            continue
        data = form.cleaned_data
        email = normalise_email(data["email"])
        if email and email in seen:
            report.skipped.append((line, "this email address has already signed"))
            continue
        kind = data["kind"] or (Signature.Kind.ORGANISATION if data["role"] else Signature.Kind.PERSON)
        with transaction.atomic():
            Signature(
                page=page,
                kind=kind,
                name=data["name"],
                organisation=data["organisation"],
                role=data["role"],
                town=data["town"],
                email=data["email"],
                show_publicly=data["public"],
                source=source,
                confirmed_at=now,
            ).save()
        if email:
            seen.add(email)
        report.imported += 1
    return report
