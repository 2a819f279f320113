"""QR codes (segno) that supporters print on their own posters and leaflets."""

import io

import segno

# Medium error correction survives a little dirt or a fold in the paper.
ERROR_LEVEL = "m"


def make_qr(payload):
    return segno.make(payload, error=ERROR_LEVEL, micro=False)


def qr_svg(payload):
    buffer = io.BytesIO()
    make_qr(payload).save(buffer, kind="svg", scale=8, border=4, title=f"QR code for {payload}")
    return buffer.getvalue()


def qr_png(payload, scale=10):
    buffer = io.BytesIO()
    make_qr(payload).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
