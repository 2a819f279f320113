"""The websites an organiser lists for a partner, and the code the partner copies."""

import pytest
from django.core.exceptions import ValidationError

from statements.embed_links import embed_snippet
from statements.embed_origins import read_origin, validate_frame_origins
from statements.embed_partners import frame_origins
from statements.models import NamedSource


@pytest.mark.parametrize(
    "line,origin",
    [
        ("https://leedstuc.example.org", "https://leedstuc.example.org"),
        ("  HTTPS://LeedsTUC.example.org/ ", "https://leedstuc.example.org"),
        ("https://branch.example.org:8443", "https://branch.example.org:8443"),
        ("https://*.unite-leeds.example.org", "https://*.unite-leeds.example.org"),
        ("http://localhost:8001", "http://localhost:8001"),  # trying it out on one's own computer
        ("http://leedstuc.example.org", None),  # plain http: anyone on the way could frame it
        ("https://leedstuc.example.org/join", None),  # frame-ancestors takes no path
        ("https://*.org", None),  # a whole top-level domain is no partner
        ("*", None),
        ("'self'", None),
        ("https://a.example.org https://b.example.org", None),
        ("https://a.example.org; script-src *", None),  # would write a directive of its own
        ("https://a.example.org:99999", None),
        ("leedstuc.example.org", None),
    ],
)
def test_only_plain_https_origins_are_read(line, origin):
    assert read_origin(line) == origin


def test_the_validator_names_each_line_to_check():
    validate_frame_origins("https://a.example.org\n\nhttps://b.example.org/\n")
    with pytest.raises(ValidationError) as problem:
        validate_frame_origins("https://a.example.org\nhttp://b.example.org\nc.example.org/page")
    message = problem.value.messages[0]
    assert "starting https://" in message
    assert "http://b.example.org, c.example.org/page" in message


def test_each_origin_frames_once():
    source = NamedSource(frame_origins="https://a.example.org\nhttps://A.example.org/\nhttps://b.example.org")
    assert frame_origins(source) == ["https://a.example.org", "https://b.example.org"]


@pytest.mark.django_db
def test_the_snippet_an_organiser_hands_a_partner(statement_page):
    partner = NamedSource.objects.create(code="leeds-tuc", name="Leeds TUC", kind=NamedSource.Kind.PARTNER)
    form = embed_snippet(partner, statement_page)
    assert form == (
        '<iframe src="http://testserver/embed/leeds-tuc/statement/" title="Sign: Our statement" '
        'width="480" height="900" style="border:0;max-width:100%" loading="lazy"></iframe>'
    )
    count = embed_snippet(partner, statement_page, variant="count")
    assert 'src="http://testserver/embed/leeds-tuc/statement/count/"' in count
    assert 'title="Signatures so far: Our statement"' in count
