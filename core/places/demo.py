"""A small sample of the postcode lookup for the demo site: the places of the demo's events and signers.

Real use loads the whole ONS Postcode Directory (`manage.py import_postcodes`). The demo loads
a few dozen postcodes in the directory's own shape (demo_data/, read by the same code), around the
demo's events and signers in Leeds, Sheffield, London, Manchester, Nottingham, Oxford, Bristol,
Cardiff and Glasgow, so that constituency counts and "events near you" have something to show.
Points are rounded and a postcode's constituency is as near as a demo needs, not a reference.
"""

from pathlib import Path

from .loading import load_postcodes
from .onspd import names_in_file, read_rows

DATA = Path(__file__).resolve().parent / "demo_data"
POSTCODES = DATA / "ONSPD_DEMO_UK.csv"
NAMES = DATA / "constituency_names.csv"


def build(home=None):
    """Load the sample (again: it replaces its own rows, so running it twice changes nothing).

    Takes the home page like every app's demo builder, and needs none of it; call it before the
    statements' and events' builders, which find their places here.
    """
    with open(POSTCODES, encoding="utf-8", newline="") as lines:
        return load_postcodes(read_rows(lines), names_in_file(NAMES))
