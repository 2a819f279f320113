"""`manage.py import_postcodes`: the ONS Postcode Directory, as an organiser downloads it, into the postcode lookup.

The fixture (tests/core/fixtures/) is a few rows in the directory's shape, with its real column
names in a release's order: live postcodes in England, Wales, Scotland and Northern Ireland, one
without a grid reference, a terminated one, one in no constituency (Guernsey), and broken rows.
"""

import io
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from core.places.models import Constituency, Postcode

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
DIRECTORY = FIXTURES / "ONSPD_TEST_UK.csv"
NAMES = FIXTURES / "constituency_names.csv"

SUMMARY = [
    "Loaded 8 postcodes in 6 constituencies.",
    "Skipped 7 rows: 1 terminated, 2 in no constituency, 4 malformed.",
]
LOADED = {"LS27HY", "LS16HD", "LS98AB", "WC1R4RL", "CF102BU", "G401AT", "BT15GS", "LS19XX"}


def import_postcodes(*args, **options):
    """Run the command as an organiser would; its printed summary as a list of lines."""
    out = io.StringIO()
    call_command("import_postcodes", *(str(arg) for arg in args), stdout=out, **options)
    return out.getvalue().splitlines()


def onspd_zip(path, data=DIRECTORY, names=NAMES):
    """A zip laid out as the ONS publishes the directory: Data/, Data/multi_csv/, Documents/, a user guide."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(data, "Data/ONSPD_TEST_UK.csv")
        # The same rows split by postcode area: a different postcode here shows the split copies are not read.
        archive.writestr("Data/multi_csv/ONSPD_TEST_UK_LS.csv", DIRECTORY.read_text().replace("LS2 7HY", "LS3 1AA"))
        if names:
            archive.write(names, "Documents/Westminster Parliamentary Constituency names and codes UK as at 07_24.csv")
        archive.writestr("Documents/LA_UA names and codes UK as at 04_23.csv", "LAD23CD,LAD23NM\nE08000035,Leeds\n")
        archive.writestr("User Guide/ONSPD User Guide Test 2026.pdf", b"%PDF-1.4")
    return path


@pytest.fixture
def download(tmp_path):
    return onspd_zip(tmp_path / "ONSPD_TEST_2026_UK.zip")


def test_the_downloaded_zip_loads_live_postcodes_with_their_constituency_nation_or_region_and_point(download):
    assert import_postcodes(download) == SUMMARY

    assert set(Postcode.objects.values_list("postcode", flat=True)) == LOADED
    leeds = Postcode.objects.get(postcode="LS27HY")
    assert (leeds.outward, leeds.constituency) == ("LS2", "E14001319")
    assert leeds.latitude == pytest.approx(53.79718) and leeds.longitude == pytest.approx(-1.54046)
    no_grid_reference = Postcode.objects.get(postcode="LS19XX")
    assert (no_grid_reference.latitude, no_grid_reference.longitude) == (None, None)
    assert str(Postcode.objects.get(postcode="WC1R4RL")) == "WC1R 4RL"
    assert set(Constituency.objects.values_list("code", "name", "region")) == {
        ("E14001319", "Leeds Central and Headingley", "yorkshire"),
        ("E14001320", "Leeds East", "yorkshire"),
        ("E14001290", "Holborn and St Pancras", "london"),
        ("W07000089", "Cardiff East", "wales"),
        ("S14000084", "Glasgow East", "scotland"),
        ("N05000003", "Belfast South and Mid Down", "northern-ireland"),
    }  # Sheffield Central is named in the file but has no postcode in it: not added


def test_a_plain_csv_loads_with_the_names_file_given_beside_it():
    assert import_postcodes(DIRECTORY, "--names", NAMES) == SUMMARY
    assert Constituency.objects.get(code="E14001319").name == "Leeds Central and Headingley"


def test_a_plain_csv_without_names_keeps_earlier_names_and_says_which_constituencies_have_none(download):
    first = import_postcodes(DIRECTORY)
    assert first[:2] == SUMMARY
    assert first[2].startswith("No name yet for 6 of them (E14001290, E14001319, E14001320, N05000003, S14000084 …)")
    assert Constituency.objects.get(code="E14001320").name == "E14001320"  # named by its code until names come

    import_postcodes(download)
    assert import_postcodes(DIRECTORY) == SUMMARY  # the names the zip gave are kept
    assert Constituency.objects.get(code="E14001320").name == "Leeds East"


def test_running_it_again_replaces_rows_and_a_newer_release_removes_ended_postcodes(download, tmp_path):
    import_postcodes(download)
    assert import_postcodes(download) == SUMMARY
    assert Postcode.objects.count() == 8 and Constituency.objects.count() == 6

    newer = DIRECTORY.read_text()
    newer = newer.replace('"LS2 7HY","198001","",', '"LS2 7HY","198001","202611",')  # terminated since
    newer = newer.replace('"E14001319",53.798430', '"E14001320",53.798430')  # LS1 6HD moved to Leeds East
    release = tmp_path / "ONSPD_NEWER_UK.csv"
    release.write_text(newer)
    summary = import_postcodes(onspd_zip(tmp_path / "newer.zip", data=release))

    assert summary == [
        "Loaded 7 postcodes in 6 constituencies.",
        "Skipped 8 rows: 2 terminated, 2 in no constituency, 4 malformed.",
        "Removed 1 postcode an earlier load had kept, now ended or unplaced.",
    ]
    assert not Postcode.objects.filter(postcode="LS27HY").exists()
    assert Postcode.objects.get(postcode="LS16HD").constituency == "E14001320"


def test_a_postcode_listed_twice_keeps_its_last_row(tmp_path):
    """The directory lists each postcode once; a hand-edited file that does not still loads, on PostgreSQL too."""
    twice = tmp_path / "twice.csv"
    twice.write_text("pcds,doterm,pcon,lat,long\nLS2 7HY,,E14001319,53.8,-1.5\nLS2 7HY,,E14001320,53.9,-1.6\n")
    import_postcodes(twice, "--names", NAMES)
    assert Postcode.objects.get().constituency == "E14001320"


def test_small_batches_load_the_same_rows(download):
    assert import_postcodes(download, "--batch-size", 2) == SUMMARY
    assert set(Postcode.objects.values_list("postcode", flat=True)) == LOADED


def test_a_long_load_says_how_far_it_has_got_when_asked(download):
    lines = import_postcodes(download, "--batch-size", 5, verbosity=2)
    assert lines[:3] == ["5 rows read …", "10 rows read …", "15 rows read …"]
    assert lines[3:] == SUMMARY


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "The file is empty."),
        ("pcds,doterm,lat,long\nLS2 7HY,,53.8,-1.5\n", "The file has no “pcon” column"),
        ("name,town\nAda,Leeds\n", "The file has no “pcds” column"),
    ],
)
def test_a_file_that_is_not_the_directory_is_refused_with_what_to_do(tmp_path, content, message):
    wrong = tmp_path / "wrong.csv"
    wrong.write_text(content)
    with pytest.raises(CommandError, match=message):
        import_postcodes(wrong)
    assert not Postcode.objects.exists()


def test_a_zip_without_the_directory_or_its_names_is_refused(tmp_path):
    with zipfile.ZipFile(tmp_path / "empty.zip", "w") as archive:
        archive.writestr("Documents/readme.txt", "nothing here")
    with pytest.raises(CommandError, match="no Westminster constituency names file"):
        import_postcodes(tmp_path / "empty.zip")
    with pytest.raises(CommandError, match=r"no Data/ONSPD_\.\.\._UK\.csv"):
        import_postcodes(tmp_path / "empty.zip", "--names", NAMES)
    with pytest.raises(CommandError, match="no Westminster constituency names file"):
        import_postcodes(onspd_zip(tmp_path / "nameless.zip", names=None))


def test_a_missing_file_a_bad_names_file_and_a_bad_batch_size_are_refused(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        import_postcodes(tmp_path / "nowhere.zip")
    bad_names = tmp_path / "names.csv"
    bad_names.write_text("code,name\nE14001319,Leeds Central and Headingley\n")
    with pytest.raises(CommandError, match="PCON24CD and PCON24NM"):
        import_postcodes(DIRECTORY, "--names", bad_names)
    with pytest.raises(CommandError, match="at least 1"):
        import_postcodes(DIRECTORY, "--batch-size", 0)


def test_names_written_in_windows_1252_are_read(tmp_path):
    names = tmp_path / "names.csv"
    names.write_bytes("PCON24CD,PCON24NM\nW07000089,Cardiff East – Dwyrain\n".encode("cp1252"))
    import_postcodes(DIRECTORY, "--names", names)
    assert Constituency.objects.get(code="W07000089").name == "Cardiff East – Dwyrain"


LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
CODES = ["E14001319", "E14001320", "W07000089", "S14000084"]


def generated_directory(path, rows):
    """A directory of `rows` distinct live postcodes (ZZ1 0AA, ZZ1 0AB, ...), written without holding them."""
    with open(path, "w", newline="") as file:
        file.write("pcds,doterm,ctry,rgn,pcon,lat,long\n")
        for number in range(rows):
            district, inward = divmod(number, 10 * 26 * 26)
            digit, letters = divmod(inward, 26 * 26)
            postcode = f"ZZ{district + 1} {digit}{LETTERS[letters // 26]}{LETTERS[letters % 26]}"
            file.write(f"{postcode},,E92000001,E12000003,{CODES[number % 4]},53.8,-1.5\n")
    return path


def peak_memory_of_loading(path):
    tracemalloc.start()
    try:
        import_postcodes(path, "--names", NAMES, "--batch-size", 500)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_however_long_the_file(tmp_path):
    """Ten times the rows, about the same peak: rows are streamed and written a batch at a time.

    The full directory is about 2.7 million rows; held whole, ten times the rows would take ten times the memory.
    """
    peak_memory_of_loading(generated_directory(tmp_path / "warm-up.csv", 600))  # Django's own first-use caches
    small = peak_memory_of_loading(generated_directory(tmp_path / "small.csv", 2_000))
    large = peak_memory_of_loading(generated_directory(tmp_path / "large.csv", 20_000))

    assert Postcode.objects.count() == 20_000
    assert large < small * 1.5, f"peak {large:,} bytes for 20,000 rows against {small:,} for 2,000"
