"""The hand-in pack drawn in parts, each a small PDF on disk, so 100,000 names cost the memory of a few thousand.

fpdf2 keeps a whole document in memory until it writes it; here each part holds at most PART_SIZE names
and is written to `folder` when full (joining.py then joins the parts page by page). Signatures are read
in chunks (core.exports.one_chunk_at_a_time), and the counts printed are the statement's kept counts.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.db.models import Case, Count, F, IntegerField, Value, When
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.exports import one_chunk_at_a_time
from core.regions import Region
from core.text import one_line
from statements.models import Signature

from .pdf import FAMILY, new_document, paragraphs, write

PART_SIZE = 2000  # names in one part's document
NAME_SIZE, LINE, INDENT = 8.5, 3.9, 3  # points; millimetres between lines, and a wrapped name's further lines
GUTTER, HEADING_SPACE, BOTTOM_MARGIN = 8, 2.5, 22
NO_UNION = _("No union given")
OTHER_UNIONS = _("Other unions")
NO_REGION = _("Nation or region not given")
REGION_NAMES = dict(Region.choices)
# Nations and regions in the site's own order (as the sign form lists them), those not given last.
REGION_ORDER = Case(
    *(When(region=value, then=Value(number)) for number, value in enumerate(Region.values)),
    default=Value(len(Region.values)),
    output_field=IntegerField(),
)
LISTED_FIELDS = ("page_id", "kind", "name", "organisation", "role", "town", "union_other", "region", "confirmed_at")


@dataclass
class Parts:
    """The part files written so far, in order, and the number the next part's first page takes."""

    folder: Path
    imprint: str
    title: str
    paths: list = field(default_factory=list)
    pages: int = 0

    def start(self, landscape=False):
        pdf = new_document(self.imprint, title=self.title, first_page=self.pages + 1, landscape=landscape)
        pdf.footer_note = self.title
        pdf.add_page()
        return pdf

    def finish(self, pdf):
        path = self.folder / f"part-{len(self.paths):06d}.pdf"
        pdf.output(str(path))
        self.paths.append(path)
        self.pages += pdf.pages_count


def as_of(moment=None):
    return date_format(timezone.localtime(moment or timezone.now()), "j F Y")


def listed_entry(signature):
    """A name as the public list shows it (statements' signature_item.html), with the town.

    "Name (Union, for identification only), Town"; an organisation "Organisation (Name, Role), Town".
    """
    name = signature.display_name
    if signature.kind == Signature.Kind.ORGANISATION and signature.name:
        contact = ", ".join(part for part in (signature.name, signature.role) if part)
        name = f"{signature.organisation} ({contact})"
    town = f", {signature.town}" if signature.town else ""
    return one_line(f"{name}{town}")


def union_entry(signature):
    """As listed, with the union's name when it is not on the editors' list."""
    other = f" ({one_line(signature.union_other)})" if not signature.union_id and signature.union_other else ""
    return listed_entry(signature) + other


def union_group(signature):
    if signature.union_id:
        return signature.union.name
    return str(OTHER_UNIONS if signature.union_other else NO_UNION)


def region_group(signature):
    return str(REGION_NAMES.get(signature.region, NO_REGION))


def signatures_counted(number):
    """ "1 signature", "2,000 signatures": a number with its word, in the active language."""
    return ngettext("%(count)s signature", "%(count)s signatures", number) % {"count": f"{number:,}"}


def people_counted(number):
    return ngettext("%(count)s person", "%(count)s people", number) % {"count": f"{number:,}"}


def organisations_counted(number):
    return ngettext("%(count)s organisation", "%(count)s organisations", number) % {"count": f"{number:,}"}


def who(people, organisations, zeros=False):
    """ "1 person", "3 people and 1 organisation": who signed; a part that is 0 is left out unless `zeros`."""
    if (people or zeros) and (organisations or zeros):
        return gettext("%(people)s and %(organisations)s") % {
            "people": people_counted(people),
            "organisations": organisations_counted(organisations),
        }
    if organisations:
        return organisations_counted(organisations)
    return people_counted(people)


def draw_front(parts, page, counts, spread, date):
    """The statement, the kept counts, and the counts by union and by region."""
    pdf = parts.start()
    write(pdf, page.title, size=20, bold=True, line=9, after=2)
    write(pdf, gettext("Hand-in pack, as of %(date)s") % {"date": date}, grey=True, after=5)
    write(
        pdf,
        f"{signatures_counted(counts['total'])}: {who(counts['people'], counts['organisations'], zeros=True)}.",
        size=14,
        bold=True,
        line=7,
        after=5,
    )
    for text in filter(None, [one_line(page.standfirst), *paragraphs(page.body)]):
        write(pdf, text)
    for heading, rows in (
        (gettext("Signatures by union"), spread["unions"]),
        (gettext("Signatures by nation or region"), spread["regions"]),
    ):
        if rows:
            pdf.ln(3)
            write(pdf, heading, size=13, bold=True, line=7, after=1)
            pdf.set_font(FAMILY, "", 10.5)
            for name, count in rows:
                pdf.cell(pdf.epw - 30, 6, name)
                pdf.cell(30, 6, f"{count:,}", align="R", new_x="LMARGIN", new_y="NEXT")
    parts.finish(pdf)


def draw_listing(parts, heading, note, records, group_of=None, entry_of=listed_entry):
    """`records` under `heading` in two columns, grouped (a subheading when `group_of` changes), PART_SIZE a part.

    Returns how many names were listed.
    """
    listed, batch, group = 0, [], None
    for record in one_chunk_at_a_time(records):
        if group_of is not None and group_of(record) != group:
            group = group_of(record)
            batch.append((True, group))
        batch.append((False, entry_of(record)))
        listed += 1
        if listed % PART_SIZE == 0:
            draw_columns(parts, heading, note if listed == PART_SIZE else "", batch)
            batch = [(True, gettext("%(group)s (continued)") % {"group": group})] if group_of is not None else []
    if batch and any(not is_heading for is_heading, _ in batch):
        draw_columns(parts, heading, note if listed <= PART_SIZE else "", batch)
    elif listed == 0:
        draw_columns(parts, heading, gettext("None yet."), [])
    return listed


def draw_columns(parts, heading, note, batch):
    """One part: `heading`, then `batch` [(is_heading, text)] in two columns, page after page.

    Laid out here line by line (fpdf2's text columns took seconds a part): a long name wraps with its
    further lines indented, and a group's heading never ends a column.
    """
    pdf = parts.start()
    write(pdf, heading, size=15, bold=True, line=8, after=1)
    if note:
        write(pdf, note, size=9.5, grey=True, after=2)
    pdf.set_auto_page_break(False)
    width = (pdf.epw - GUTTER) / 2
    bottom = pdf.h - BOTTOM_MARGIN
    top, column, y = pdf.get_y() + 1, 0, pdf.get_y() + 1
    for is_heading, text in batch:
        pdf.set_font(FAMILY, "B" if is_heading else "", 10 if is_heading else NAME_SIZE)
        lines = wrapped(pdf, text, width - INDENT)
        height = len(lines) * LINE + (HEADING_SPACE if is_heading else 0)
        if y + height + (LINE if is_heading else 0) > bottom:
            column += 1
            if column == 2:
                pdf.add_page()
                column, top = 0, pdf.t_margin
            y = top
        x = pdf.l_margin + column * (width + GUTTER)
        y += HEADING_SPACE if is_heading and y > top else 0
        for number, line in enumerate(lines):
            pdf.set_xy(x + (INDENT if number else 0), y)
            pdf.cell(width, LINE, line)
            y += LINE
    parts.finish(pdf)


def wrapped(pdf, text, width):
    """`text` in lines no wider than `width` (at the current font), broken between words, or inside a long one."""
    if pdf.get_string_width(text) <= width:
        return [text]
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if pdf.get_string_width(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while pdf.get_string_width(word) > width:
            cut = len(word) - 1
            while cut > 1 and pdf.get_string_width(word[:cut]) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    return [*lines, line] if line else lines


def regional_counts(page):
    """{region: {kind: n}} of confirmed signatures: the certificates' figures (the kept counts by region sum them)."""
    rows = (
        Signature.objects.filter(page=page.counted_page, confirmed_at__isnull=False)
        .exclude(region="")
        .order_by()
        .values("region", "kind")
        .annotate(n=Count("pk"))
    )
    counts = {}
    for row in rows:
        counts.setdefault(row["region"], {})[row["kind"]] = row["n"]
    return counts


def certified(who_signed, number, region, label, title, date):
    """A certificate's sentence: "3 people and 1 organisation in Wales have signed “…” as of 1 May 2026."."""
    words = {"who": who_signed, "place": label, "title": title, "date": date}
    if region == Region.ABROAD:
        return (
            ngettext(
                "%(who)s outside the UK has signed “%(title)s” as of %(date)s.",
                "%(who)s outside the UK have signed “%(title)s” as of %(date)s.",
                number,
            )
            % words
        )
    return (
        ngettext(
            "%(who)s in %(place)s has signed “%(title)s” as of %(date)s.",
            "%(who)s in %(place)s have signed “%(title)s” as of %(date)s.",
            number,
        )
        % words
    )


def draw_certificates(parts, page, by_region, date, imprint):
    """A page per nation or region: its counts, no names, signed off with the imprint."""
    pdf = None
    for region, label in Region.choices:
        counts = by_region.get(region)
        if not counts:
            continue
        if pdf is None:
            pdf = parts.start()
        else:
            pdf.add_page()
        people = counts.get(Signature.Kind.PERSON, 0)
        organisations = counts.get(Signature.Kind.ORGANISATION, 0)
        pdf.ln(25)
        write(pdf, gettext("Certificate of signatures"), size=22, bold=True, line=10, after=10)
        write(pdf, str(label), size=16, bold=True, line=8, after=8)
        write(
            pdf,
            certified(who(people, organisations), people + organisations, region, label, page.title, date),
            size=14,
            line=7.5,
            after=20,
        )
        write(pdf, gettext("Issued by"), size=10, grey=True, after=1)
        write(pdf, imprint or gettext("the campaign's organisers"), size=11, after=3)
    if pdf is not None:
        parts.finish(pdf)


def draw_pack(parts, page, imprint):
    """Every part of `page`'s pack, in order; returns the number of names listed (people and organisations)."""
    date = as_of()
    totals = page.counter_totals()
    draw_front(parts, page, page.counts(totals), page.spread(totals), date)
    organisations = (
        page.counted_page.signatures.public()
        .filter(kind=Signature.Kind.ORGANISATION)
        .select_related("union")
        .only(*LISTED_FIELDS, "union__name")
    )
    listed = draw_listing(
        parts,
        gettext("Organisations, by union"),
        gettext("Organisations that signed and agreed to be named, under the union they belong to."),
        organisations.order_by(F("union__name").asc(nulls_last=True), "union_other", "organisation", "pk"),
        group_of=union_group,
        entry_of=union_entry,
    )
    draw_listing(
        parts,
        gettext("Organisations, by nation or region"),
        gettext("The same organisations, under where they are."),
        organisations.order_by(REGION_ORDER, "organisation", "pk"),
        group_of=region_group,
    )
    listed += draw_listing(
        parts,
        gettext("People who signed"),
        gettext("Everyone who signed and agreed to be named on the public list, newest first."),
        page.counted_page.signatures.listed().filter(kind=Signature.Kind.PERSON),
    )
    draw_certificates(parts, page, regional_counts(page), date, imprint)
    return listed
