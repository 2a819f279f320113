"""Staff sign-in: throttled wrong passwords, short sessions, two-factor codes for those who must."""

import json
import subprocess
import sys

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.contrib.auth.models import User
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from campaign.events.models import Rsvp
from core.two_factor_views import APP_DEVICE_NAME
from tests.conftest import make_user
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.home.test_settings import PRODUCTION

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_the_sixth_try_is_refused_even_with_the_right_password(client, editor):
    for _ in range(4):
        wrong = sign_in(client, "editor", "not-the-password")
        assert wrong.status_code == 200
        assert "match" in wrong.content.decode()  # Wagtail's own "didn't match" message
    assert sign_in(client, "editor", "not-the-password").status_code == 429  # the fifth locks

    response = sign_in(client, "editor", "password")

    assert response.status_code == 429
    page = response.content.decode()
    assert "Sign-in paused" in page
    assert "60 minutes" in page
    assert "_auth_user_id" not in client.session


def test_the_lock_holds_one_username_from_one_address(client, editor):
    """Someone guessing from elsewhere cannot lock a real organiser out of their own connection."""
    for _ in range(5):
        sign_in(client, "editor", "not-the-password", address="198.51.100.1")
    assert sign_in(client, "editor", "password", address="198.51.100.1").status_code == 429

    response = sign_in(client, "editor", "password", address="203.0.113.7")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_failures_from_two_addresses_in_one_ipv6_64_lock_that_network(client, editor):
    """One IPv6 subscriber is given a whole /64: stepping through its addresses buys no more guesses."""
    for _ in range(3):
        sign_in(client, "editor", "not-the-password", address="2001:db8:1:2::10")
    assert sign_in(client, "editor", "not-the-password", address="2001:db8:1:2:ffff::99").status_code == 200
    assert sign_in(client, "editor", "not-the-password", address="2001:db8:1:2:aaaa::1").status_code == 429

    assert sign_in(client, "editor", "password", address="2001:db8:1:2::abcd").status_code == 429
    # Only the network is kept, never the address within it.
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True).distinct()) == ["2001:db8:1:2::"]

    elsewhere = sign_in(client, "editor", "password", address="2001:db8:1:3::10")  # the next /64
    assert elsewhere.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_wrong_passwords_for_one_username_from_many_networks_lock_that_username(client, editor, organiser):
    """A guesser who moves from network to network is stopped too; other staff sign in as usual."""
    for number in range(1, 20):
        assert sign_in(client, "editor", "not-the-password", address=f"198.51.100.{number}").status_code == 200
    assert sign_in(client, "editor", "not-the-password", address="198.51.100.20").status_code == 429

    locked = sign_in(client, "editor", "password", address="203.0.113.99")  # a network that never failed
    assert locked.status_code == 429
    assert "Sign-in paused" in locked.content.decode()
    assert "_auth_user_id" not in client.session

    other = sign_in(client, "organiser", "password", address="192.0.2.44")
    assert other.status_code == 302
    assert client.session["_auth_user_id"] == str(organiser.pk)


def test_the_lock_follows_settings(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(2):
        sign_in(client, "editor", "not-the-password")
    assert sign_in(client, "editor", "password").status_code == 429


def test_a_staff_session_ends_with_the_browser_and_after_twelve_hours(client, editor):
    response = sign_in(client, "editor", "password")

    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert cookie["max-age"] == "" and cookie["expires"] == ""  # a browser-session cookie
    assert client.session.get_expiry_age() == 12 * 60 * 60


def test_a_sign_in_without_a_usable_address_still_works(client, editor, settings):
    """Some proxies send "unknown" for the address: that must not turn signing in into a server error.

    (django-axes stores the address in an IP column, which PostgreSQL checks.)
    """
    settings.TRUSTED_PROXY_COUNT = 1
    response = client.post(LOGIN, {"username": "editor", "password": "password"}, HTTP_X_FORWARDED_FOR="unknown")
    assert response.status_code == 302
    client.force_login(editor)  # a request made in code has no address at all
    assert client.get("/admin/").status_code == 200


@pytest.fixture
def required_for_email_readers(settings):
    settings.STAFF_2FA_REQUIRED_PERMISSIONS = ["statements.view_signature_email"]


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):0{device.digits}d}"


def test_whoever_may_see_signers_emails_must_set_up_two_factor(client, organiser, required_for_email_readers):
    client.force_login(organiser)

    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/setup/")
    setup = client.get(response["Location"])
    assert setup.status_code == 200
    assert "<svg" in setup.content.decode()  # the QR code for an authenticator app

    device = TOTPDevice.objects.get(user=organiser, confirmed=False)
    turned_on = client.post("/admin/two-factor/setup/", {"code": current_code(device), "next": "/admin/"})
    assert turned_on.status_code == 302 and turned_on["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert TOTPDevice.objects.get(user=organiser).confirmed


def test_other_staff_may_go_without_two_factor(client, editor, required_for_email_readers):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_staff_2fa_required_makes_it_compulsory_for_everyone(client, editor, settings):
    settings.STAFF_2FA_REQUIRED = True
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/setup/")


def test_staff_with_a_device_are_asked_for_a_code_and_get_in_with_it(client, editor, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp otherwise makes the next try wait a second
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client.force_login(editor)

    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/")

    wrong = client.post("/admin/two-factor/", {"code": "000000", "next": "/admin/"})
    assert "That code did not match" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    assert client.post("/admin/two-factor/", {"code": current_code(device), "next": "/admin/"}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_visitors_pages_are_untouched_by_two_factor(client, statement_page, site_settings, settings):
    settings.STAFF_2FA_REQUIRED = True
    assert client.get(statement_page.url).status_code == 200
    assert client.get("/no-such-page.txt").status_code == 404
    client.force_login(User.objects.create_superuser("chief", "chief@example.org", "password"))
    assert client.get("/no-such-page.txt").status_code == 404


def test_two_unconfirmed_keys_from_requests_at_once_never_break_setup(client, editor, settings):
    """A prefetch and a click can each make a key before either is confirmed: setup still opens."""
    settings.STAFF_2FA_REQUIRED = True
    for _ in range(2):
        TOTPDevice.objects.create(user=editor, confirmed=False, name=APP_DEVICE_NAME)
    client.force_login(editor)
    assert client.get("/admin/two-factor/setup/").status_code == 200


def production_two_factor(**environment):
    """STAFF_2FA_REQUIRED and its permissions as config.settings.production makes them from this environment."""
    code = (
        "import json, config.settings.production as production; "
        "print(json.dumps([production.STAFF_2FA_REQUIRED, production.STAFF_2FA_REQUIRED_PERMISSIONS]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"PATH": "/usr/bin:/bin", **PRODUCTION, **environment},
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def production_defaults():
    return production_two_factor()


@pytest.fixture(scope="module")
def production_opted_out():
    return production_two_factor(STAFF_2FA_REQUIRED="false")


@pytest.fixture
def rsvp_reader(home_page, site_settings):
    """Staff who may see one thing: who is coming to events (names, emails, phones)."""
    index = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=index, title="Branch meeting", takes_rsvps=True)
    Rsvp.objects.create(event=event, name="Zoë Jones", email="zoe@example.org")
    return make_user("rsvps", permissions=["wagtailadmin.access_admin", "events.view_rsvp"])


RSVP_LIST = "/admin/events/rsvp/"


def use(settings, two_factor):
    settings.STAFF_2FA_REQUIRED, settings.STAFF_2FA_REQUIRED_PERMISSIONS = two_factor


def test_in_production_staff_who_see_only_rsvps_set_up_two_factor_before_the_list(
    client, rsvp_reader, settings, production_defaults
):
    use(settings, production_defaults)
    client.force_login(rsvp_reader)

    response = client.get(RSVP_LIST)

    assert response.status_code == 302
    assert response["Location"] == f"/admin/two-factor/setup/?next={RSVP_LIST.replace('/', '%2F')}"
    assert "Zoë Jones" not in client.get(response["Location"]).content.decode()


def test_in_production_staff_who_see_only_rsvps_see_the_list_after_their_code(
    client, rsvp_reader, settings, production_defaults
):
    use(settings, production_defaults)
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    device = TOTPDevice.objects.create(user=rsvp_reader, name="phone", confirmed=True)
    client.force_login(rsvp_reader)
    assert client.get(RSVP_LIST)["Location"].startswith("/admin/two-factor/?")

    given = client.post("/admin/two-factor/", {"code": current_code(device), "next": RSVP_LIST})

    assert given.status_code == 302 and given["Location"] == RSVP_LIST
    page = client.get(RSVP_LIST)
    assert page.status_code == 200
    assert "Zoë Jones" in page.content.decode()


def test_production_may_turn_the_requirement_off_for_all_but_email_readers(
    client, rsvp_reader, organiser, settings, production_opted_out
):
    use(settings, production_opted_out)
    client.force_login(rsvp_reader)
    assert "Zoë Jones" in client.get(RSVP_LIST).content.decode()

    client.force_login(organiser)  # may see signers' email addresses
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/setup/")


def test_development_and_tests_do_not_require_two_factor(client, rsvp_reader):
    assert django_settings.STAFF_2FA_REQUIRED is False
    client.force_login(rsvp_reader)
    assert "Zoë Jones" in client.get(RSVP_LIST).content.decode()
