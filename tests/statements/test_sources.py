"""Where signers come from: a link's source code reaches the signature, and a signer's own link credits them.

The statement page is one cached page whatever `?src=` says, so the code reaches the form by
the page's script (tests/browser/test_sources.py) or, without JavaScript, by the Referer of the
sign POST (here). A signer sees how many came through their link, as a number, never who.
"""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core.places.models import Constituency
from core.subscriptions.tokens import your_data_url
from statements.models import Signature
from statements.referrals import brought, signer_code
from tests.conftest import committing
from tests.home.test_settings import PRODUCTION, run_manage
from tests.html import visible_text
from tests.statements.factories import SignatureFactory
from tests.statements.visitor import PERSON, confirm, link_in, path_of, sign

pytestmark = pytest.mark.django_db

# Policies that send a page's whole address, query and all, with a request to the same site.
KEEP_QUERY_SAME_ORIGIN = {"same-origin", "strict-origin-when-cross-origin", "origin-when-cross-origin"}


def stored_code(email=PERSON["email"]):
    return Signature.objects.get(email=email).referral_code


def share_code_on(response):
    """The code the page's "copy the link" address carries, or None."""
    found = re.search(r'id="share-url" value="[^"]*\?src=([a-z0-9-]+)"', response.content.decode())
    return found and found.group(1)


def sign_from(client, page, referer, **changes):
    """Sign as a browser does, naming the page the form was on."""
    return client.post(f"{page.url}sign/", {**PERSON, **changes}, headers={"referer": referer})


@pytest.fixture
def visitor(django_capture_on_commit_callbacks):
    """Another person signing, on a network of their own (so no hold-back joins them to the first)."""
    made = []

    def make():
        made.append(None)
        return committing(Client(REMOTE_ADDR=f"198.51.100.{len(made)}"), django_capture_on_commit_callbacks)

    return make


def sign_and_confirm(client, page, **changes):
    """Sign, follow the emailed link and press Confirm: the thank-you page the signer then sees."""
    sign(client, page, **changes)
    return client.get(confirm(client, link_in(mail.outbox[-1], "confirm"))["Location"])


def test_the_forms_source_field_is_kept_on_the_signature(client, statement_page):
    sign(client, statement_page, src="leeds-tuc")

    assert stored_code() == "leeds-tuc"


def test_without_javascript_the_code_comes_from_the_page_the_form_was_on(client, statement_page):
    """The cached page's hidden field is empty; the browser names the page (with its query) in the Referer."""
    sign_from(client, statement_page, f"http://testserver{statement_page.url}?src=poster&utm_source=x")

    assert stored_code() == "poster"


def test_the_forms_own_code_wins_over_the_referer(client, statement_page):
    sign_from(client, statement_page, f"http://testserver{statement_page.url}?src=poster", src="leeds-tuc")

    assert stored_code() == "leeds-tuc"


@pytest.mark.parametrize(
    "referer",
    [
        "https://elsewhere.example/statement/?src=poster",  # another site's page
        "https://testserver/statement/?src=poster",  # another scheme: another origin
        "http://[oops/?src=poster",  # no address at all
        "",
    ],
)
def test_a_referer_from_anywhere_else_credits_no_one(client, statement_page, referer):
    assert sign_from(client, statement_page, referer).status_code == 302

    assert stored_code() == ""


@pytest.mark.parametrize("bad", ["<script>", "Leeds TUC", "x" * 41, "-leading-dash", "poster%00"])
def test_a_mangled_code_still_signs_and_credits_no_one(client, statement_page, bad):
    assert sign(client, statement_page, src=bad).status_code == 302
    assert sign_from(client, statement_page, f"http://testserver/?src={bad}", email="b@example.org").status_code == 302

    assert stored_code() == "" and stored_code("b@example.org") == ""


def test_the_sites_referrer_policy_sends_the_query_to_its_own_pages(client, statement_page, settings):
    """Without it the no-JavaScript path would lose the code: check the header and production's setting."""
    assert client.get(statement_page.url)["Referrer-Policy"] in KEEP_QUERY_SAME_ORIGIN
    shown = run_manage(
        ["shell", "-c", "from django.conf import settings; print(settings.SECURE_REFERRER_POLICY)"], PRODUCTION
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.split()[-1] in KEEP_QUERY_SAME_ORIGIN


def test_a_signers_own_link_carries_a_code_that_names_nobody(client, statement_page):
    thanks = sign_and_confirm(client, statement_page, name="Rosa Luxemburg")
    signature = Signature.objects.get()
    code = share_code_on(thanks)

    assert code == signer_code(signature)
    assert re.fullmatch(r"s-[a-z2-7]{16}", code)  # a keyed digest: no id, no name, no address in it
    other = SignatureFactory(page=statement_page)
    assert signer_code(other) != code  # each signer their own
    text = visible_text(thanks)
    assert "Share your link" in text
    assert "Everyone who signs through your link is counted for you: we show how many, never who." in text
    links = re.findall(r'href="(https://wa\.me/[^"]+|mailto:[^"]+)"', thanks.content.decode())
    assert links and all(code in link for link in links)  # WhatsApp and email carry it too


def test_a_code_cannot_be_made_up_without_the_sites_key(statement_page, settings):
    signature = SignatureFactory(page=statement_page)
    code = signer_code(signature)
    settings.SECRET_KEY = "another-site-entirely-" + "x" * 40

    assert signer_code(signature) != code


def test_people_who_sign_through_a_signers_link_are_counted_for_them_by_number_only(client, visitor, statement_page):
    sign(client, statement_page)
    thanks_url = confirm(client, link_in(mail.outbox[-1], "confirm"))["Location"]
    code = share_code_on(client.get(thanks_url))

    friend, stranger, unconfirmed = visitor(), visitor(), visitor()
    sign_and_confirm(friend, statement_page, name="Clara Zetkin", email="clara@example.org", src=code)
    sign_and_confirm(stranger, statement_page, name="Karl Liebknecht", email="karl@example.org", src=code)
    sign(unconfirmed, statement_page, name="Not Yet", email="later@example.org", src=code)  # not counted

    thanks = client.get(thanks_url)
    text = visible_text(thanks)
    assert "Your link has brought 2 people so far." in text
    for name in ("Clara", "Zetkin", "Karl", "Liebknecht", "Not Yet", "clara@", "karl@"):
        assert name not in thanks.content.decode()
    assert "private" in thanks["Cache-Control"]  # the signer's own page is kept by no shared cache
    assert Signature.objects.filter(referral_code=code).count() == 3


def test_the_your_data_page_says_what_the_link_brought_and_the_constituency(client, statement_page):
    Constituency.objects.create(code="E14001316", name="Leeds Central and Headingley")
    signature = SignatureFactory(page=statement_page, email="rosa@example.org", constituency="E14001316")
    SignatureFactory(page=statement_page, name="Clara Zetkin", referral_code=signer_code(signature))
    SignatureFactory(page=statement_page, name="Not Yet", referral_code=signer_code(signature), unconfirmed=True)

    page = client.get(path_of(your_data_url("rosa@example.org", "http://testserver/statement/")))

    text = visible_text(page)
    assert "Constituency: Leeds Central and Headingley" in text
    link = f"{statement_page.get_full_url()}?src={signer_code(signature)}"
    assert f"Your share link {link} has brought 1 person so far" in text
    assert "we never tell you who" in text
    assert "Clara" not in text and "Not Yet" not in text


def test_an_organisations_thank_you_page_has_its_own_link_too(client, statement_page):
    thanks = sign_and_confirm(
        client, statement_page, kind="organisation", organisation="Anytown TUC", organisation_type="trades-council"
    )

    assert share_code_on(thanks) == signer_code(Signature.objects.get())
    assert "Add your union" not in visible_text(thanks)


def test_the_link_stays_once_a_union_is_added(client, statement_page):
    thanks = sign_and_confirm(client, statement_page)
    token = re.search(r'name="token" value="([^"]+)"', thanks.content.decode()).group(1)

    saved = client.post(f"{statement_page.url}confirm/union/", {"token": token, "union": "other", "union_other": "NEU"})
    after = client.get(saved["Location"])

    assert "Your union is added" in visible_text(after)
    assert share_code_on(after) == signer_code(Signature.objects.get())
    assert "Add your union" not in visible_text(after)


def test_check_your_inbox_shares_the_signers_own_link(client, statement_page):
    inbox = client.get(sign(client, statement_page)["Location"])

    assert share_code_on(inbox) == signer_code(Signature.objects.get())


def test_the_plain_thank_you_page_shares_the_plain_statement(client, statement_page):
    plain = client.get(f"{statement_page.url}confirm/done/")

    assert share_code_on(plain) is None
    assert "Share the statement" in visible_text(plain) and "Your link" not in visible_text(plain)


def test_a_statement_asked_for_with_any_code_is_one_cached_page(client, statement_page, site_settings, settings):
    """`?src=` neither splits the page cache nor bypasses it: one render serves every code."""
    settings.PAGE_CACHE_SECONDS = 60

    first = client.get(f"{statement_page.url}?src=leeds-tuc")
    second = client.get(f"{statement_page.url}?src=s-abcdefghijklmnop")
    plain = client.get(statement_page.url)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit" and plain["X-Page-Cache"] == "hit"
    assert first.content == second.content == plain.content
    assert 'name="src"' in first.content.decode() and "leeds-tuc" not in first.content.decode()


def test_what_a_link_brought_is_one_count_on_the_referral_index(statement_page):
    """One query, reading the partial index of coded signatures (on SQLite only if the query repeats its condition)."""
    signature = SignatureFactory(page=statement_page)
    code = signer_code(signature)
    Signature.objects.bulk_create(
        SignatureFactory.build(page=statement_page, email="", referral_code=code if n % 50 == 0 else "", name=f"{n}")
        for n in range(3000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE statements_signature" if connection.vendor == "postgresql" else "ANALYZE")

    with CaptureQueriesContext(connection) as queries:
        assert brought(code) == 60
    [sql] = [query["sql"] for query in queries]
    explain = "EXPLAIN" if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN"
    with connection.cursor() as cursor:
        cursor.execute(f"{explain} {sql}")
        plan = "\n".join(str(row) for row in cursor.fetchall())
    assert "signature_referral" in plan, plan
