"""Staff sign-in: throttled wrong passwords, short sessions, two-factor codes for those who must."""

import pytest
from django.contrib.auth.models import User
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.two_factor_views import APP_DEVICE_NAME

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
