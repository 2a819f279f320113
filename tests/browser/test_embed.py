"""A partner's website frames the sign form: a visitor signs inside the frame, in a real browser, CSP enforced.

The partner's page is served by a small server of its own on 127.0.0.1
(the site is the live server at localhost: another origin, another site),
so Chromium applies the embed's frame-ancestors and sends the frame's POST
with the Sec-Fetch-Site and Origin it really sends from inside a frame. The
other browser tabs bypass CSP; these do not. (A page made up by Playwright's
route() would not do: Chromium counts it as a public site, which may not
frame a page on this computer at all.)
"""

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core import mail
from wagtail.models import Site

from statements.embed_links import embed_snippet
from statements.models import NamedSource, Signature, StatementPage
from tests.statements.visitor import path_of

from .checks import VIEWPORTS, fill_form, format_html_errors, format_violations, submit_button
from .test_screenshots import SCREENS, screenshot

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect


@pytest.fixture(params=list(VIEWPORTS))
def enforcing_page(request, browser, live_site):
    """A tab at a phone and a desktop width on the live server, with the pages' CSP enforced."""
    context = browser.new_context(base_url=live_site, viewport=VIEWPORTS[request.param])
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


class PartnersPage(BaseHTTPRequestHandler):
    """Every address answers with the partner's page, holding the server's `frames` (the snippets handed out)."""

    def do_GET(self):
        body = (
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Leeds TUC</title>'
            '<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
            '<body style="font-family:Georgia,serif;margin:0 1rem"><h1>Leeds Trades Union Council</h1>'
            f"<p>Our branches back the campaign. Sign below.</p>{''.join(self.server.frames)}</body></html>"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def partners_site():
    """The partner's website: its origin; set `.frames` on the server it runs on (`partners_site.server`)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PartnersPage)
    server.frames = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def origin_of(server):
    return f"http://127.0.0.1:{server.server_address[1]}"


def snippets(partner, live_site):
    """The form's and the count's snippets, pointing at the live server rather than the demo site's address."""
    statement = StatementPage.objects.live().get(slug="statement")
    root = Site.objects.get(is_default_site=True).root_url
    return [embed_snippet(partner, statement, variant=v).replace(root, live_site) for v in ("count", "form")]


def embed_screenshot(page, name):
    (SCREENS / "embed").mkdir(parents=True, exist_ok=True)
    screenshot(page, f"embed/{name}", page.viewport_size["width"])


def test_a_visitor_signs_in_the_frame_on_a_partners_site(enforcing_page, live_site, partners_site):
    page = enforcing_page
    partner_url = f"{origin_of(partners_site)}/join-us/"
    partner = NamedSource.objects.create(
        code="leeds-tuc", name="Leeds TUC", kind=NamedSource.Kind.PARTNER, frame_origins=origin_of(partners_site)
    )
    partners_site.frames = snippets(partner, live_site)
    page.goto(partner_url)
    frame = page.frame_locator('iframe[title^="Sign:"]')
    expect(frame.get_by_role("heading", name="Sign the statement")).to_be_visible()
    expect(
        page.frame_locator('iframe[title^="Signatures"]').get_by_role("link", name="Sign the statement")
    ).to_be_visible()
    embed_screenshot(page, "partner-page")

    # Mistakes first: shown in the frame, the partner's page stays.
    submit_button(frame, "[data-signing]").click()
    expect(frame.get_by_role("heading", name="There are problems with what you sent")).to_be_visible()
    assert page.url == partner_url
    embed_screenshot(page, "partner-page-mistakes")

    fill_form(frame, "[data-signing]", {"kind": "person", "name": "Ada Lovelace", "email": "ada@example.org"})
    fill_form(frame, "[data-signing]", {"postcode": "LS6"})
    submit_button(frame, "[data-signing]").click()
    expect(frame.get_by_role("heading", name="Check your inbox")).to_be_visible()
    expect(frame.get_by_text("We’ve sent an email to a•••@example.org")).to_be_visible()
    assert page.url == partner_url
    embed_screenshot(page, "partner-page-check-inbox")
    signature = Signature.objects.get(email="ada@example.org")
    assert signature.referral_code == "leeds-tuc"
    assert len(mail.outbox) == 1
    confirm = re.search(r"https?://\S+/confirm/\?token=\S+", mail.outbox[0].body).group(0)
    assert "/embed/" not in confirm  # the email's link opens the site itself, as after signing there

    # The emailed link, on the site itself, counts the signature.
    page.goto(path_of(confirm))
    page.get_by_role("button", name="Confirm my signature").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for signing")
    assert Signature.objects.get(email="ada@example.org").confirmed_at is not None


def test_the_embed_pages_pass_the_accessibility_and_html_checks(live_page, axe, html_checker):
    """axe runs in the page (an injected script, which the pages' CSP forbids): this tab bypasses CSP."""
    page = live_page
    NamedSource.objects.create(code="leeds-tuc", name="Leeds TUC", kind=NamedSource.Kind.PARTNER)
    documents = {}
    for address, name in (("/embed/leeds-tuc/statement/count/", "count"), ("/embed/leeds-tuc/statement/", "sign")):
        page.goto(address)
        violations = axe(page)
        assert not violations, format_violations(violations, address)
        embed_screenshot(page, f"alone-{name}")
        documents[f"embed-{name}"] = page.request.get(address).text()

    submit_button(page, "[data-signing]").click()
    expect(page.get_by_role("heading", name="There are problems with what you sent")).to_be_visible()
    violations = axe(page)
    assert not violations, format_violations(violations, "the embed's form with mistakes")
    documents["embed-mistakes"] = page.content()

    fill_form(page, "[data-signing]", {"kind": "person", "name": "Grace Hopper", "email": "grace@example.org"})
    fill_form(page, "[data-signing]", {"postcode": "LS6"})
    submit_button(page, "[data-signing]").click()
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    violations = axe(page)
    assert not violations, format_violations(violations, "the embed's check your inbox")
    embed_screenshot(page, "alone-check-inbox")
    documents["embed-check-inbox"] = page.request.get(page.url).text()
    assert not (errors := html_checker(documents)), format_html_errors(errors)


@pytest.mark.parametrize("enforcing_page", ["desktop"], indirect=True)
def test_a_site_the_partner_did_not_list_cannot_frame_it(enforcing_page, live_site, partners_site):
    page = enforcing_page
    partner = NamedSource.objects.create(
        code="leeds-tuc", name="Leeds TUC", kind=NamedSource.Kind.PARTNER, frame_origins="https://leedstuc.example.org"
    )
    partners_site.frames = snippets(partner, live_site)
    page.goto(f"{origin_of(partners_site)}/copied-it/", wait_until="load")
    for title in ("Sign:", "Signatures"):
        expect(page.frame_locator(f'iframe[title^="{title}"]').get_by_text("Sign the statement")).to_have_count(0)
    # Chromium shows its own error page in each frame, saying the site refused to be shown there.
    expect(page.frame_locator('iframe[title^="Sign:"]').locator("body")).to_contain_text("refused to connect")
    assert [frame.url for frame in page.frames[1:]] == ["chrome-error://chromewebdata/"] * 2
    embed_screenshot(page, "refused")
