"""The benchmark's own reading of what it measured: a misread figure would make a row pass or fail wrongly."""

from django.core.mail import send_mail

from bench.load import ASSETS
from bench.summary import cache_period
from bench.surge import read_outbox


def test_a_shared_cache_keeps_a_page_for_s_maxage_else_max_age_and_never_a_private_one():
    assert cache_period("public, max-age=30, s-maxage=300") == 300
    assert cache_period("max-age=60, public") == 60
    assert cache_period("private, max-age=60") is None
    assert cache_period("no-cache") is None
    assert cache_period("(none)") is None


def test_a_first_visit_counts_the_stylesheets_and_scripts_the_page_links():
    html = (
        b'<link rel="stylesheet" href="/static/css/site.1234567890ab.css">'
        b'<link href="/static/css/print.ab.css" rel="stylesheet" media="print">'
        b'<link rel="icon" href="/favicon.ico"><script src="/static/js/site.js" defer></script>'
    )

    found = [next(group for group in match.groups() if group) for match in ASSETS.finditer(html)]

    assert found == [b"/static/css/site.1234567890ab.css", b"/static/css/print.ab.css", b"/static/js/site.js"]


def test_the_slow_provider_records_each_message_once(settings, tmp_path, monkeypatch):
    settings.EMAIL_BACKEND = "bench.email_backends.SlowProviderBackend"
    monkeypatch.setattr("bench.email_backends.PROVIDER_SECONDS", 0)
    monkeypatch.setenv("BENCH_OUTBOX", str(tmp_path / "outbox.jsonl"))

    for number in range(3):
        send_mail("Confirm", "body", "campaign@example.org", [f"signer{number}@example.org"])

    assert [message["to"] for message in read_outbox(tmp_path / "outbox.jsonl")] == [
        ["signer0@example.org"],
        ["signer1@example.org"],
        ["signer2@example.org"],
    ]
