"""A page body compressed once and served in the encoding each visitor's browser accepts.

The page cache compresses a page when it stores it, not per request: a
surge of readers then costs no compression at all. gzip always; brotli too
when the `brotli` package happens to be installed (it is optional, not a
requirement). A variant is kept only when it is smaller than the plain body.
"""

import gzip
from functools import lru_cache

try:
    import brotli
except ImportError:  # optional: gzip alone when it is not installed
    brotli = None

IDENTITY = "identity"
GZIP_LEVEL = 6
BROTLI_QUALITY = 9  # 11 costs several times as long for a few per cent less


def compress_gzip(body):
    return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)  # no timestamp: the same bytes every time


def compressors():
    """The encodings offered, best first."""
    found = {}
    if brotli is not None:
        found["br"] = lambda body: brotli.compress(body, quality=BROTLI_QUALITY)
    found["gzip"] = compress_gzip
    return found


def encode_all(body):
    """{encoding: bytes} with the plain body under "identity" and each smaller compressed one."""
    bodies = {IDENTITY: body}
    for name, compress in compressors().items():
        compressed = compress(body)
        if len(compressed) < len(body):
            bodies[name] = compressed
    return bodies


@lru_cache(maxsize=128)
def accepted(header):
    """The encodings an Accept-Encoding header names, as (accepted, refused with q=0).

    "gzip, br;q=0.8, *;q=0" -> ({"gzip", "br"}, {"*"}). Remembered per header
    value: browsers send only a handful of different ones.
    """
    names, refused = set(), set()
    for part in header.lower().split(","):
        name, *params = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if name:
            (names if quality > 0 else refused).add(name)
    return frozenset(names), frozenset(refused)


def choose(accept_encoding, bodies):
    """The best stored encoding the visitor accepts; the plain body for anyone who accepts none of them."""
    wanted, refused = accepted(accept_encoding[:200])  # a visitor chooses the header: bound what is remembered
    for name in bodies:
        if name != IDENTITY and (name in wanted or ("*" in wanted and name not in refused)):
            return name
    return IDENTITY
