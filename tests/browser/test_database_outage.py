"""A signer whose signature met a database outage: the page keeps it and sends it by itself when the site is back.

The server's 503 page is the real one (statements.views.sign_unavailable,
what core.database_outage answers while the database refuses connections);
the browser is handed it for the first POST, and /health/ says "down" twice
before the real one answers. Screenshots at both widths go to
test-artifacts/screens/ for people to look at.
"""

from urllib.parse import parse_qsl

import pytest
from django.test import RequestFactory

from statements.models import Signature
from statements.views import sign_unavailable

from .checks import fill_form, format_violations, submit_button
from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

TYPED = {"kind": "person", "name": "Ada Lovelace", "email": "ada@example.org", "region": "london"}


def outage_page(form_data):
    """What the server answers a signing while its database is down."""
    request = RequestFactory().post("/statement/sign/", form_data)
    return sign_unavailable(request).content.decode()


def test_the_page_keeps_the_signature_and_sends_it_when_the_site_is_back(live_page, axe, request):
    page = live_page
    width = request.node.callspec.params["live_page"]
    page.clock.install()
    page.goto("/statement/")
    fill_form(page, "form[method=post]", TYPED)

    answered = {"sign": 0, "health": 0}

    def down_once(route):
        answered["sign"] += 1
        if answered["sign"] == 1:
            body = outage_page(dict(parse_qsl(route.request.post_data)))
            route.fulfill(status=503, headers={"Retry-After": "60"}, content_type="text/html", body=body)
        else:
            route.continue_()

    def health(route):
        answered["health"] += 1
        if answered["health"] <= 2:
            route.fulfill(status=503, content_type="application/json", body='{"status": "failing"}')
        else:
            route.continue_()

    page.route("**/statement/sign/", down_once)
    page.route("**/health/", health)
    submit_button(page, "form[method=post]").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your signature is not saved yet")
    expect(page.get_by_label("Your name")).to_have_value("Ada Lovelace")
    expect(page.get_by_label("Email address")).to_have_value("ada@example.org")
    status = page.locator("[data-retry-status]")
    expect(status).to_contain_text("will be sent by itself as soon as the site is back")
    page.screenshot(path=str(ARTIFACTS / "screens" / f"sign-unavailable-{width}.png"), full_page=True)
    violations = axe(page)
    assert not violations, format_violations(violations, "the page shown while signing cannot be saved")
    assert not Signature.objects.filter(email="ada@example.org").exists()

    for checks in (1, 2, 3):  # 5 s, then 10 s, then 20 s between checks: twice down, then up
        page.clock.run_for(60_000)
        for _ in range(100):
            if answered["health"] >= checks:
                break
            page.wait_for_timeout(100)  # the real network's answer, which schedules the next check
    expect(page.get_by_role("heading", level=1)).to_contain_text("Check your inbox", timeout=15_000)
    assert answered["health"] == 3
    assert Signature.objects.filter(email="ada@example.org").count() == 1
