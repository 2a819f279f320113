"""Reading the ONS Postcode Directory (ONSPD) as an organiser downloads it: the zip, or its CSV.

The zip holds the whole directory in one CSV (Data/ONSPD_<month>_UK.csv, about 2.7 million rows,
live and terminated postcodes) and, in its Documents folder, a names-and-codes CSV for each
geography, Westminster constituencies among them. Releases add, drop and move columns, so columns
are found by name in the header row, never by position. Everything here reads line by line: the
data CSV is streamed out of the zip, never unpacked or held whole.

Codes read (ONSPD user guide): `pcds` (or `pcd`) the postcode; `doterm` the month it was
terminated, empty while it is live; `pcon` its Westminster constituency on current boundaries
(E14…, W07…, S14…, N05…; a code ending 99999999 means none, as for the Channel Islands);
`rgn` its English region (E12000001 to E12000009; a pseudo-code outside England); `ctry` its
nation; `lat`/`long` its point, 99.999999 and 0 when it has no grid reference.
"""

import csv
import io
import re
import zipfile
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import PurePosixPath

from core.regions import Region, normalise_postcode

ENGLISH_REGIONS = {
    "E12000001": Region.NORTH_EAST,
    "E12000002": Region.NORTH_WEST,
    "E12000003": Region.YORKSHIRE,
    "E12000004": Region.EAST_MIDLANDS,
    "E12000005": Region.WEST_MIDLANDS,
    "E12000006": Region.EAST,
    "E12000007": Region.LONDON,
    "E12000008": Region.SOUTH_EAST,
    "E12000009": Region.SOUTH_WEST,
}
NATIONS = {"W92000004": Region.WALES, "S92000003": Region.SCOTLAND, "N92000002": Region.NORTHERN_IRELAND}

FULL_POSTCODE = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}")
CONSTITUENCY_CODE = re.compile(r"[ENSW][0-9]{8}")
NO_CONSTITUENCY_SUFFIX = "99999999"  # the ONS pseudo-codes: L99999999 (Channel Islands), M99999999 (Isle of Man)

# Why a row of the directory is not loaded.
TERMINATED, NO_CONSTITUENCY, MALFORMED = "terminated", "no constituency", "malformed"

# Which header names mean what, first found wins (compared in lower case).
POSTCODE_COLUMNS = ("pcds", "pcd", "pcd2")
CONSTITUENCY_COLUMNS = ("pcon",)
TERMINATED_COLUMNS = ("doterm",)
REGION_COLUMNS = ("rgn",)
NATION_COLUMNS = ("ctry",)
LATITUDE_COLUMNS = ("lat",)
LONGITUDE_COLUMNS = ("long",)

# Where the zip keeps what we read; Data/multi_csv/ holds the same rows again, split by postcode area.
DATA_MEMBER = re.compile(r"(?:^|/)data/onspd_[^/]*_uk\.csv$", re.IGNORECASE)
NAMES_MEMBER = re.compile(r"(?:^|/)documents/[^/]*westminster parliamentary constituenc[^/]*\.csv$", re.IGNORECASE)


class BadFile(ValueError):
    """The file is not the ONS Postcode Directory (or its names file) in a shape this reads; says what to do."""


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the directory: a postcode to load, or (`skipped` says why) one to leave out.

    `postcode` is normalised (no spaces, capitals), or empty when the row has no usable postcode.
    """

    postcode: str
    constituency: str = ""
    region: str = ""
    latitude: float | None = None
    longitude: float | None = None
    skipped: str = ""


def find_column(header, names, required=True):
    """The index of the first of `names` in the header row, or None for an optional column it lacks."""
    lowered = [name.strip().lower() for name in header]
    for name in names:
        if name in lowered:
            return lowered.index(name)
    if required:
        raise BadFile(
            f"The file has no “{names[0]}” column: is it the ONS Postcode Directory (ONSPD) CSV, with its header row?"
        )
    return None


@dataclass(frozen=True)
class Columns:
    """Where each field is in this release's rows."""

    postcode: int
    constituency: int
    terminated: int | None
    region: int | None
    nation: int | None
    latitude: int | None
    longitude: int | None
    width: int  # how many fields a row needs for every column read here

    @classmethod
    def from_header(cls, header):
        found = {
            "postcode": find_column(header, POSTCODE_COLUMNS),
            "constituency": find_column(header, CONSTITUENCY_COLUMNS),
            "terminated": find_column(header, TERMINATED_COLUMNS, required=False),
            "region": find_column(header, REGION_COLUMNS, required=False),
            "nation": find_column(header, NATION_COLUMNS, required=False),
            "latitude": find_column(header, LATITUDE_COLUMNS, required=False),
            "longitude": find_column(header, LONGITUDE_COLUMNS, required=False),
        }
        return cls(**found, width=max(index for index in found.values() if index is not None) + 1)

    def read(self, fields):
        """The Row of one line of fields."""
        if len(fields) < self.width:
            return Row("", skipped=MALFORMED)
        postcode = normalise_postcode(fields[self.postcode])
        if not FULL_POSTCODE.fullmatch(postcode):
            return Row("", skipped=MALFORMED)
        if self.terminated is not None and fields[self.terminated].strip():
            return Row(postcode, skipped=TERMINATED)
        code = fields[self.constituency].strip().upper()
        if not code or code.endswith(NO_CONSTITUENCY_SUFFIX):
            return Row(postcode, skipped=NO_CONSTITUENCY)
        if not CONSTITUENCY_CODE.fullmatch(code):
            return Row(postcode, skipped=MALFORMED)
        try:
            latitude, longitude = self.point(fields)
        except ValueError:
            return Row(postcode, skipped=MALFORMED)
        return Row(postcode, code, self.region_of(fields), latitude, longitude)

    def point(self, fields):
        """(latitude, longitude), or (None, None) when the postcode has no grid reference; ValueError if garbled."""
        if self.latitude is None or self.longitude is None:
            return None, None
        latitude, longitude = fields[self.latitude].strip(), fields[self.longitude].strip()
        if not latitude or not longitude:
            return None, None
        latitude, longitude = float(latitude), float(longitude)
        if not (-90 < latitude < 90 and -180 <= longitude <= 180):  # 99.999999: no grid reference
            return None, None
        return latitude, longitude

    def region_of(self, fields):
        """The site's Region value: the English region, else the nation; "" when the row says neither."""
        english = fields[self.region].strip().upper() if self.region is not None else ""
        nation = fields[self.nation].strip().upper() if self.nation is not None else ""
        return ENGLISH_REGIONS.get(english) or NATIONS.get(nation) or ""


def read_rows(lines):
    """Each data row of the directory as a Row, read from `lines` (a text file or any iterable of lines)."""
    reader = csv.reader(lines)
    header = next(reader, None)
    if not header:
        raise BadFile("The file is empty.")
    columns = Columns.from_header(header)
    for fields in reader:
        if fields:
            yield columns.read(fields)


def read_names(lines):
    """{constituency code: name} from a names-and-codes CSV (PCON24CD, PCON24NM, ...; any year's columns)."""
    reader = csv.reader(lines)
    header = [name.strip().lower() for name in next(reader, None) or []]
    code = next((i for i, name in enumerate(header) if re.fullmatch(r"pcon\d*cd", name)), None)
    name = next((i for i, name in enumerate(header) if re.fullmatch(r"pcon\d*nm", name)), None)
    if code is None or name is None:
        raise BadFile("The constituency names file needs a code and a name column (such as PCON24CD and PCON24NM).")
    names = {}
    for fields in reader:
        if len(fields) > max(code, name) and CONSTITUENCY_CODE.fullmatch(fields[code].strip().upper()):
            names[fields[code].strip().upper()] = fields[name].strip()
    return names


def text_of(binary):
    """A text stream over a binary one: UTF-8 with or without a byte-order mark, as the ONS writes its CSVs."""
    return io.TextIOWrapper(binary, encoding="utf-8-sig", errors="replace", newline="")


def names_in_file(path):
    """{code: name} from a names CSV on disk; older releases wrote Windows-1252, newer UTF-8."""
    with open(path, "rb") as file:
        content = file.read()  # a names file is a few dozen kilobytes
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252")
    return read_names(io.StringIO(text, newline=""))


def names_in_zip(archive):
    """{code: name} from every Westminster constituency names file in the zip's Documents folder."""
    names = {}
    members = [info for info in archive.infolist() if NAMES_MEMBER.search(info.filename)]
    if not members:
        raise BadFile(
            "The zip has no Westminster constituency names file in its Documents folder: give one with --names FILE."
        )
    for info in sorted(members, key=lambda info: PurePosixPath(info.filename).name):
        content = archive.read(info)
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = content.decode("cp1252")
        names.update(read_names(io.StringIO(text, newline="")))
    return names


def data_member(archive):
    """The zip's one CSV of the whole directory (not the copies split by area)."""
    members = [info for info in archive.infolist() if DATA_MEMBER.search(info.filename)]
    if not members:
        raise BadFile("The zip has no Data/ONSPD_..._UK.csv: is it the ONS Postcode Directory as downloaded?")
    return members[0]


@contextmanager
def open_directory(path, names_path=None):
    """(the directory's lines, {constituency code: name}) from the ONSPD zip, or from its CSV and a names CSV.

    A zip gives its own names (its Documents folder) unless `names_path` is given; a plain CSV without
    `names_path` gives none, and constituencies keep the names an earlier load gave them.
    """
    with ExitStack() as stack:
        if zipfile.is_zipfile(path):
            archive = stack.enter_context(zipfile.ZipFile(path))
            names = names_in_file(names_path) if names_path else names_in_zip(archive)
            lines = stack.enter_context(text_of(archive.open(data_member(archive))))
        else:
            names = names_in_file(names_path) if names_path else {}
            lines = stack.enter_context(open(path, encoding="utf-8-sig", errors="replace", newline=""))  # noqa: SIM115
        yield lines, names
