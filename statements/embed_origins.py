"""The website addresses an organiser lists for a partner (NamedSource.frame_origins): read, and checked.

Apart from statements.embed_partners so that the model's field can name
`validate_frame_origins` without importing anything that imports the model.
"""

import re

from django.core.exceptions import ValidationError

# A website's origin as CSP's frame-ancestors takes it: a scheme, a host (maybe "*." and a domain with a
# dot in it: a whole top-level domain is no partner) and a port; no path, no query, nothing else.
LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
ORIGIN = re.compile(
    rf"(?P<scheme>https?)://(?P<host>(?:\*\.)?{LABEL}(?:\.{LABEL})*)(?::(?P<port>[0-9]{{1,5}}))?",
)
# Plain http only for a computer's own address (a partner trying the embed out, the browser tests).
LOOPBACK = {"localhost", "127.0.0.1"}

ORIGINS_HELP = (
    "Each line must be a website's address starting https://, with nothing after the name (a port is fine): "
    "for example https://leedstuc.example.org. Please check: %(lines)s"
)


def read_origin(line):
    """The origin a line names, lower-cased and without a trailing slash; None for anything else.

    Anything else includes what would change the policy itself (a space, a
    ";" or a quote starts another source or directive), so a line that got
    past the form's check (an import, the shell) still frames nothing.
    """
    text = line.strip().lower().removesuffix("/")
    match = ORIGIN.fullmatch(text)
    if match is None:
        return None
    host = match["host"]
    if match["scheme"] == "http" and host not in LOOPBACK:
        return None
    if host.startswith("*.") and "." not in host[2:]:
        return None
    if match["port"] and not 0 < int(match["port"]) < 65536:
        return None
    return text


def validate_frame_origins(value):
    """The form's check of `NamedSource.frame_origins`: every line an https origin (blank lines are fine)."""
    bad = [line.strip() for line in value.splitlines() if line.strip() and read_origin(line) is None]
    if bad:
        raise ValidationError(ORIGINS_HELP, code="invalid_origin", params={"lines": ", ".join(bad)})
