"""Signing, confirming and withdrawing, as a visitor does it, email included."""

from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.subscriptions.models import Subscriber
from statements.models import Signature, SignatureCount
from statements.signing import RESEND_INTERVAL
from statements.tokens import CONFIRM, WITHDRAW
from tests.core.task_queue import queued_text, run_worker, use_database_queue
from tests.html import visible_text
from tests.statements.visitor import PERSON, confirm, confirm_form, link_in, path_of, sign

pytestmark = pytest.mark.django_db


def test_statement_page_shows_statement_form_and_counts(client, statement_page, site_settings):
    html = client.get(statement_page.url).content.decode()
    assert "We demand a better world." in html
    assert 'action="/statement/sign/#sign"' in html  # a page with mistakes opens at the form
    assert "No one has signed yet: be the first" in visible_text(html)
    assert '<progress id="milestone-progress" max="100" value="0">0 of 100</progress>' in html


def test_signing_sends_a_confirmation_and_shows_check_your_inbox(client, statement_page, site_settings):
    response = sign(client, statement_page)

    assert response.status_code == 302
    assert response["Location"].startswith("/statement/sign/done/?signature=")
    page = visible_text(client.get(response["Location"]))
    assert "Check your inbox" in page
    assert "Share on WhatsApp" in page

    signature = Signature.objects.get()
    assert signature.confirmed_at is None
    assert signature.source == "web"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["rosa@example.org"]
    assert "Please confirm your signature" in message.subject
    assert message.anymail_test_params  # went through django-anymail
    assert "/confirm/" in message.body and "/withdraw/" in message.body
    html_body = message.alternatives[0][0]
    assert "Confirm my signature" in html_body


def test_unconfirmed_signature_neither_counts_nor_shows(client, statement_page, site_settings):
    sign(client, statement_page)
    html = visible_text(client.get(statement_page.url))
    assert "No one has signed yet" in html
    assert "Rosa Example" not in html


def test_the_link_asks_and_the_button_confirms_counts_and_lists_the_name(client, statement_page, site_settings):
    sign(client, statement_page)
    confirm_url = link_in(mail.outbox[0], "confirm")

    ask = client.get(path_of(confirm_url))
    assert ask.status_code == 200
    assert "Confirm your signature" in visible_text(ask)
    assert "Rosa Example" in visible_text(ask)
    assert "no-store" in ask["Cache-Control"]  # it carries the visitor's name and link
    action, fields = confirm_form(ask)
    assert action == f"{statement_page.url}confirm/"  # the plain, fast address
    response = client.post(action, fields, follow=True)

    # The button confirms, then redirects to the thank-you page (with a day's link to add a
    # union), so a reload never confirms again.
    [(thank_you, status)] = response.redirect_chain
    assert status == 302 and thank_you.startswith(f"{statement_page.url}confirm/done/?signature=")
    assert response.status_code == 200
    html = visible_text(response)
    assert "Thank you for signing" in html
    assert "1 person has signed" in html
    page = visible_text(client.get(statement_page.url))
    assert "Rosa Example" in page
    assert "1 person has signed" in page
    assert "rosa@example.org" not in page


def test_a_reused_confirmation_link_counts_once_and_says_so(client, statement_page, site_settings):
    sign(client, statement_page)
    confirm_url = link_in(mail.outbox[0], "confirm")
    action, fields = confirm_form(client.get(path_of(confirm_url)))
    first = client.post(action, fields, follow=True)
    assert "already confirmed" not in first.content.decode()
    double_click = client.post(action, fields, follow=True)
    assert double_click.status_code == 200
    assert "already confirmed" in double_click.content.decode()
    # Opening the link again explains, with no button to press.
    again = client.get(path_of(confirm_url))
    assert again.status_code == 200
    assert "You had already confirmed your signature: it is counted once." in visible_text(again)
    assert "Confirm my signature" not in again.content.decode()
    assert statement_page.counts()["total"] == 1


def test_private_signatures_count_but_are_not_listed(client, statement_page, site_settings):
    sign(client, statement_page, show_publicly="")
    confirm(client, link_in(mail.outbox[0], "confirm"))
    html = visible_text(client.get(statement_page.url))
    assert "1 person has signed" in html
    assert "Rosa Example" not in html
    assert "Rosa Example" not in client.get(f"{statement_page.url}signatories/").content.decode()


def test_signing_for_an_organisation_counts_separately(client, statement_page, site_settings):
    sign(
        client,
        statement_page,
        kind="organisation",
        name="",
        organisation="Anytown Trades Council",
        organisation_type="trades-council",
        show_contact="on",
        contact_name="Ann Chair",
        role="Secretary",
    )
    confirm(client, link_in(mail.outbox[0], "confirm"))
    assert statement_page.counts() == {"people": 0, "organisations": 1, "total": 1}
    html = visible_text(client.get(statement_page.url))
    assert "1 organisation has signed" in html
    assert "Anytown Trades Council (Ann Chair, Secretary)" in html


def test_organisation_needs_its_name(client, statement_page, site_settings):
    response = sign(client, statement_page, kind="organisation", organisation="")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Please give the name of the organisation" in html
    assert 'href="#id_organisation"' in html  # the error summary links to the field
    assert Signature.objects.count() == 0


def past_the_resend_interval():
    """As if RESEND_INTERVAL had passed since the signature and since any repeat email."""
    Signature.objects.update(created_at=timezone.now() - timedelta(seconds=RESEND_INTERVAL + 1))
    cache.clear()


def test_signing_again_unconfirmed_resends_without_a_second_row(client, statement_page, site_settings):
    sign(client, statement_page)
    past_the_resend_interval()
    response = sign(client, statement_page, email="  ROSA@example.org ", name="Someone Else")
    assert response["Location"].startswith("/statement/sign/done/?signature=")
    assert Signature.objects.count() == 1
    assert Signature.objects.get().name == "Rosa Example"  # a stranger cannot change it
    assert len(mail.outbox) == 2
    assert "confirm" in mail.outbox[1].subject.lower()


def test_signing_again_when_confirmed_says_already_signed_by_email_only(client, statement_page, site_settings):
    sign(client, statement_page)
    confirm(client, link_in(mail.outbox[0], "confirm"))
    past_the_resend_interval()
    response = sign(client, statement_page)
    # The visitor sees exactly what a first signer sees: nothing is revealed.
    assert response["Location"].startswith("/statement/sign/done/?signature=")
    assert Signature.objects.count() == 1
    assert "already signed" in mail.outbox[-1].subject
    assert statement_page.counts()["total"] == 1


def test_repeat_emails_are_throttled(client, statement_page, site_settings):
    for _ in range(4):
        sign(client, statement_page)
    assert len(mail.outbox) == 1
    Signature.objects.update(created_at=timezone.now() - timedelta(seconds=RESEND_INTERVAL + 1))
    for _ in range(3):
        sign(client, statement_page)
    assert len(mail.outbox) == 2  # one repeat per interval, however often they sign


def test_withdraw_link_asks_first_then_removes_everything(client, statement_page, site_settings):
    sign(client, statement_page)
    confirm(client, link_in(mail.outbox[0], "confirm"))
    withdraw_path = path_of(link_in(mail.outbox[0], "withdraw"))

    ask = client.get(withdraw_path)
    assert ask.status_code == 200
    assert "Withdraw my signature" in ask.content.decode()
    assert Signature.objects.count() == 1  # a link scanner's GET removes nothing

    done = client.post(withdraw_path)
    assert "has been withdrawn" in done.content.decode()
    assert Signature.objects.count() == 0
    assert statement_page.counts()["total"] == 0
    assert "Rosa Example" not in client.get(statement_page.url).content.decode()

    again = client.post(withdraw_path)
    assert again.status_code == 400
    assert "already have been withdrawn" in again.content.decode()


def test_withdrawing_an_unconfirmed_signature_leaves_counts_alone(client, statement_page, site_settings):
    sign(client, statement_page)
    client.post(path_of(link_in(mail.outbox[0], "withdraw")))
    assert Signature.objects.count() == 0
    assert statement_page.counts()["total"] == 0


def test_after_a_withdrawal_the_email_queue_holds_nothing_about_the_signer(
    client, statement_page, site_settings, settings
):
    """Production queues email as rows in the database: they keep ids, never a name, an address or a link."""
    use_database_queue(settings)
    sign(client, statement_page)  # its confirmation waits in the queue
    signature = Signature.objects.get()
    tokens = [link.make(signature).split(":")[0] for link in (CONFIRM, WITHDRAW)]
    withdraw_path = f"{statement_page.url}withdraw/?token={WITHDRAW.make(signature)}"

    assert "has been withdrawn" in client.post(withdraw_path).content.decode()

    kept = queued_text()
    for personal in [PERSON["name"], PERSON["email"], "token", *tokens]:
        assert personal not in kept
    run_worker()
    assert mail.outbox == []  # the signature is gone, so is its email


def test_the_confirmation_does_not_repeat_what_was_typed(client, statement_page, site_settings):
    """Anyone can type anyone's address into the form: the email must not carry their words to it."""
    sign(client, statement_page, name="Cheap pills at spam.example")
    (message,) = mail.outbox
    assert "spam.example" not in message.body and "spam.example" not in message.alternatives[0][0]


def use_token(client, page, token, method):
    """Open a confirmation link carrying `token` (GET), or press the button of its page (POST)."""
    return getattr(client, method)(f"{page.url}confirm/", {"token": token})


def token_of(url):
    return unquote(url.split("token=", 1)[1])


BOTH = pytest.mark.parametrize("method", ["get", "post"])


@BOTH
@pytest.mark.parametrize(
    "token",
    ["garbage", "WzEsImFiYyJd:1abc:def", "a" * 300, "%00", "..", "eyJ0eXAiOiJKV1QifQ", ""],
)
def test_tampered_confirmation_links_get_a_clear_page(client, statement_page, site_settings, token, method):
    response = use_token(client, statement_page, token, method)
    assert response.status_code == 400
    assert "cut short or changed" in visible_text(response)


@BOTH
def test_altered_token_is_refused(client, statement_page, site_settings, method):
    sign(client, statement_page)
    token = token_of(link_in(mail.outbox[0], "confirm"))
    altered = token[:-3] + ("A" if token[-3] != "A" else "B") + token[-2:]
    assert altered != token
    response = use_token(client, statement_page, altered, method)
    assert response.status_code == 400
    assert "cut short or changed" in visible_text(response)
    assert Signature.objects.get().confirmed_at is None


@BOTH
def test_expired_confirmation_link_offers_to_sign_again(client, statement_page, site_settings, monkeypatch, method):
    import statements.tokens

    sign(client, statement_page)
    token = token_of(link_in(mail.outbox[0], "confirm"))
    monkeypatch.setattr(statements.tokens.CONFIRM, "max_age", -1)
    response = use_token(client, statement_page, token, method)
    assert response.status_code == 400
    assert "too old" in response.content.decode()
    assert Signature.objects.get().confirmed_at is None


@BOTH
def test_a_withdraw_token_cannot_confirm(client, statement_page, site_settings, method):
    sign(client, statement_page)
    response = use_token(client, statement_page, token_of(link_in(mail.outbox[0], "withdraw")), method)
    assert response.status_code == 400
    assert Signature.objects.get().confirmed_at is None


@BOTH
def test_a_link_for_a_withdrawn_signature_does_not_touch_a_new_one(client, statement_page, site_settings, method):
    """Tokens bind the id to the email: a reused id with another address does not match."""
    sign(client, statement_page)
    old_token = token_of(link_in(mail.outbox[0], "confirm"))
    signature = Signature.objects.get()
    signature.email = "someone.else@example.org"
    signature.save()
    assert use_token(client, statement_page, old_token, method).status_code == 400
    assert Signature.objects.get().confirmed_at is None


@pytest.mark.parametrize("method", ["get", "head"])
def test_opening_the_emailed_link_changes_nothing(client, statement_page, site_settings, method):
    """Mail scanners (Outlook Safe Links, Proofpoint) open every link in an email: only a person's POST confirms."""
    sign(client, statement_page)
    response = getattr(client, method)(path_of(link_in(mail.outbox[0], "confirm")))
    assert response.status_code == 200
    assert Signature.objects.get().confirmed_at is None
    assert statement_page.counts()["total"] == 0


def test_the_confirm_button_is_protected_from_other_sites(client, statement_page, site_settings):
    """Like the signing form: a POST another site's page makes confirms nothing (core.cross_origin)."""
    sign(client, statement_page)
    strict = Client(enforce_csrf_checks=True)
    action, fields = confirm_form(strict.get(path_of(link_in(mail.outbox[0], "confirm"))))
    assert strict.post(action, fields, headers={"Origin": "https://elsewhere.example"}).status_code == 403
    assert Signature.objects.get().confirmed_at is None
    assert strict.post(action, fields, headers={"Sec-Fetch-Site": "same-origin"}).status_code == 302
    assert Signature.objects.get().confirmed_at is not None


def test_confirming_costs_a_few_queries(client, statement_page, site_settings, django_assert_max_num_queries):
    """The button's POST takes the plain URL: no walk down the page tree, only the signature and its count.

    Here: the signature, then SAVEPOINT, the conditional UPDATE, one UPDATE
    for each counter (kind and region), RELEASE (in production BEGIN and
    COMMIT instead of the savepoint); the first use of a counter slot adds
    its INSERT in a savepoint of its own (three queries, for each counter).
    """
    sign(client, statement_page, email="first@example.org")
    confirm(client, link_in(mail.outbox[0], "confirm"))  # the process learns where the statement is
    sign(client, statement_page)
    action, fields = confirm_form(client.get(path_of(link_in(mail.outbox[1], "confirm"))))
    with django_assert_max_num_queries(12):
        assert client.post(action, fields).status_code == 302
    assert statement_page.counts()["total"] == 2


def test_confirming_with_updates_asked_for_adds_only_the_subscriber_and_the_consent(
    client, statement_page, site_settings
):
    """Beyond the above: the address's subscriber row and its consent, one INSERT each, nothing else.

    The statement is the view's own copy (no query for its title), and the
    subscriber is made receiving updates, or set back to it, in one upsert.
    """
    sign(client, statement_page, email="first@example.org")
    confirm(client, link_in(mail.outbox[0], "confirm"))
    sign(client, statement_page, keep_informed="on")
    action, fields = confirm_form(client.get(path_of(link_in(mail.outbox[1], "confirm"))))
    with CaptureQueriesContext(connection) as queries:
        assert client.post(action, fields).status_code == 302

    tables = ('"core_', '"wagtailcore_page"', '"statements_statementpage"')  # subscribers and consents; pages
    touched = [query["sql"] for query in queries.captured_queries if any(table in query["sql"] for table in tables)]
    assert [sql.split()[0] for sql in touched] == ["INSERT", "INSERT"], touched
    assert Subscriber.objects.get(email=PERSON["email"]).status == Subscriber.Status.SUBSCRIBED


def test_a_page_called_sign_elsewhere_is_still_served(client, home_page, site_settings):
    """Signing has its own fast URL; any other page at a .../sign/ address still reaches Wagtail."""
    from tests.home.factories import ContentPageFactory

    about = ContentPageFactory(parent=home_page, slug="about", title="About")
    ContentPageFactory(parent=about, slug="sign", title="Signs and banners")
    response = client.get("/about/sign/")
    assert response.status_code == 200
    assert "Signs and banners" in response.content.decode()


@pytest.mark.parametrize("remove", ["unpublish", "delete"])
def test_a_statement_taken_down_takes_its_signing_and_confirming_addresses_with_it(
    client, statement_page, site_settings, settings, remove
):
    """The statement is remembered per process for speed; unpublishing or deleting it forgets it at once."""
    settings.PAGE_CACHE_LOCAL_SECONDS = 60
    sign(client, statement_page)
    confirm_path = path_of(link_in(mail.outbox[0], "confirm"))
    getattr(statement_page, remove)()

    assert client.post("/statement/sign/", {**PERSON, "email": "late@example.org"}).status_code == 404
    assert client.get(confirm_path).status_code == 404
    assert client.post("/statement/confirm/", {"token": token_of(confirm_path)}).status_code == 404
    assert not Signature.objects.filter(email="late@example.org").exists()


def test_signing_costs_a_few_queries(client, statement_page, site_settings, django_assert_max_num_queries):
    """Query budget of the busiest POST: the statement is remembered, so only the insert remains.

    Here SAVEPOINT, INSERT, RELEASE (the test runs inside a transaction). In
    production: BEGIN, INSERT, INSERT of the email task row, COMMIT (tests
    send email at once instead; the benchmark measures the real thing).
    """
    sign(client, statement_page, email="first@example.org")  # the process learns where the statement is
    with django_assert_max_num_queries(3):
        assert sign(client, statement_page).status_code == 302


def test_signatures_stay_out_of_wagtails_reference_index(client, statement_page, site_settings):
    """Wagtail would index every model that points at a page: a task and rows per signature, for nothing."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex

    sign(client, statement_page)
    confirm(client, link_in(mail.outbox[0], "confirm"))
    indexed = ReferenceIndex.objects.filter(
        content_type__in=ContentType.objects.get_for_models(Signature, SignatureCount).values()
    )
    assert Signature.objects.count() == 1
    assert not indexed.exists()
