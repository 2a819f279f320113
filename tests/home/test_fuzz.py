"""A scanner's requests against the whole demo site: NUL bytes and nonsense in every address, parameter and form.

PostgreSQL refuses text holding a NUL where SQLite stores it, so these run in
both of CI's passes (make test with and without DATABASE_URL): a NUL gets a
polite 400 before anything reads it, nonsense gets the page or a form's
error, and neither is ever a 500 or a saved row.
"""

from urllib.parse import urlencode

import pytest
from wagtail.models import Page

from tests.home.public_forms import fresh_address, public_forms, saved_rows
from tests.html import visible_text

pytestmark = pytest.mark.django_db

# Every name a view reads from the query string, and a few it does not.
PARAMETERS = (
    "q", "kind", "before", "after", "page", "token", "town", "region", "name", "format", "v",
    "sent", "again", "key", "signed", "answer", "report", "status", "next", "utm_source",
)  # fmt: skip
NONSENSE = ("' OR 1=1; --" + "9" * 40, "İ" * 40 + "\u202e\u200b%" + "x" * 3000)
# Plain URLs beside the pages (their own views, not Wagtail's).
PLAIN = (
    "/statement.json", "/statement/share-card.png", "/events.ics", "/events/london-launch-meeting.ics",
    "/qr/statement.svg", "/your-data/", "/your-data/unsubscribe/", "/your-data/confirm-updates/",
    "/stall/", "/brand.css", "/sitemap.xml", "/robots.txt", "/health/",
)  # fmt: skip
FORM_ENCODED = "application/x-www-form-urlencoded"
REFUSED = "Something in that address could not be read"


def addresses():
    """One live page of each type with each of its routes that takes no argument, then the plain URLs."""
    found, seen = [], set()
    for page in Page.objects.live().specific().order_by("path"):
        if type(page) in seen or not page.url:
            continue
        seen.add(type(page))
        found.append(page.url)
        for route in getattr(page, "get_subpage_urls", list)():
            pattern = str(route.pattern).lstrip("^").rstrip("$")
            if pattern and "<" not in pattern and "(" not in pattern:
                found.append(page.url + pattern)
    return found + list(PLAIN)


def get(client, address, value):
    return client.get(address, dict.fromkeys(PARAMETERS, value), REMOTE_ADDR=fresh_address())


def test_a_nul_in_any_parameter_of_any_address_is_refused_politely(client, demo_content):
    for address in addresses():
        response = get(client, address, "ok\x00")
        assert response.status_code == 400, address
        assert REFUSED in visible_text(response), address


def test_a_nul_in_the_path_or_a_cookie_is_refused_politely(client, demo_content):
    assert client.get("/statement\x00/").status_code == 400
    cookie = 'sessionid="' + "\\000" * 32 + '"'  # a quoted cookie spells NUL "\\000"
    for address in ("/", "/statement/", "/admin/"):
        assert client.get(address, HTTP_COOKIE=cookie).status_code == 400, address


def test_nonsense_in_the_parameters_never_breaks_a_page(client, demo_content):
    for address in addresses():
        for value in NONSENSE:
            assert get(client, address, value).status_code < 500, (address, value[:20])


def test_every_public_form_refuses_a_nul_in_any_answer_and_saves_nothing(client, demo_content):
    """Sent as a browser sends a form (URL-encoded), a 400; as a multipart body, the form's own error."""
    forms = public_forms()  # first: its table makes the demo host whose pages it posts to
    before = saved_rows()
    for form in forms:
        for name in form.data:
            data = form.submission(**{name: form.data[name] + "\x00"})
            encoded = client.post(form.path, urlencode(data), content_type=FORM_ENCODED, REMOTE_ADDR=fresh_address())
            assert encoded.status_code == 400, (form.name, name)
            if name in form.text + form.emails:
                multipart = client.post(form.path, data, REMOTE_ADDR=fresh_address())
                assert multipart.status_code == 200, (form.name, name)
                assert "Null characters are not allowed" in visible_text(multipart), (form.name, name)
    assert saved_rows() == before
