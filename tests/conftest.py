"""Fixtures shared by every app's tests."""

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group, Permission, User
from django.core.cache import cache
from django.core.management import call_command
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from core.organisers import ORGANISERS_GROUP
from core.page_cache import forget_local
from home.models import SiteSettings
from tests.clock import (  # noqa: F401  the tests' clock: TEST_CLOCK, --clock-changes (see tests/clock.py)
    clock_moment,
    pytest_addoption,
    pytest_collection_modifyitems,
    pytest_configure,
    pytest_generate_tests,
    pytest_report_header,
    pytest_unconfigure,
)
from tests.home.factories import HomePageFactory
from tests.statements.factories import StatementPageFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: rate limits, resend throttles and cached pages live there."""
    cache.clear()
    forget_local()
    yield
    cache.clear()
    forget_local()


@pytest.fixture(autouse=True)
def anymail_test_backend(settings):
    """Send every email through django-anymail's test backend.

    Django's test runner swaps in its own locmem backend; this puts anymail's
    back, so tests exercise the same API production uses. Messages still land
    in `django.core.mail.outbox`, with anymail's extra attributes.
    """
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"


def committing(client, capture):
    """Make each of the client's requests run its on_commit callbacks when it ends.

    Tests run inside a transaction that never commits, so work a view defers
    until commit (queued emails) would otherwise never happen. A real
    request commits at its end; this makes the test client do the same.
    """
    send = client.request

    def request(**kwargs):
        with capture(execute=True):
            return send(**kwargs)

    client.request = request
    return client


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):
    return committing(client, django_capture_on_commit_callbacks)


@pytest.fixture
def admin_client(admin_client, django_capture_on_commit_callbacks):
    return committing(admin_client, django_capture_on_commit_callbacks)


@pytest.fixture
def home_page(db):
    """A HomePage at the root of the default site, as the demo loader makes it.

    Transactional tests flush the tables that Wagtail's migrations filled,
    so the default locale, the tree's root and the default site are made again when missing.
    """
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(django_settings.LANGUAGE_CODE))
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = HomePageFactory(parent=root)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True, port=80)
    old_root_id = site.root_page_id
    site.root_page = home
    site.hostname = "testserver"
    site.save()
    old_root = Page.objects.filter(pk=old_root_id).first()
    if old_root and old_root.depth > 1 and old_root.pk != home.pk:
        old_root.delete()
    return home


@pytest.fixture
def site_settings(home_page):
    settings = SiteSettings.for_site(home_page.get_site())
    settings.campaign_name = "Test Campaign"
    settings.contact_email = "info@example.org"
    settings.phone = "07700 900123"
    settings.facebook_url = "https://www.facebook.com/example"
    settings.footer_text = "A footer for everyone."
    settings.save()
    return settings


@pytest.fixture
def statement_page(home_page):
    return StatementPageFactory(parent=home_page, milestones="100")


@pytest.fixture
def demo_content(home_page):
    """The whole demo site, built by the demo loader under the test's home page."""
    call_command("load_demo_content", welsh=False, verbosity=0)  # tests/home/test_demo_languages.py has the Welsh
    return home_page


@pytest.fixture
def file_storage(settings, tmp_path):
    """Real files on disk: Wagtail serves documents from a local path, which memory storage lacks."""
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return tmp_path


def make_user(username, groups=(), permissions=()):
    user = User.objects.create_user(username, f"{username}@example.org", "password")
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    for name in permissions:
        app_label, codename = name.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return user


@pytest.fixture
def organiser(home_page):
    """A member of the "Campaign organisers" group, which every migrate keeps up to date."""
    return make_user("organiser", groups=[ORGANISERS_GROUP])


@pytest.fixture
def editor(home_page):
    """A plain Wagtail editor: may edit pages, may not see personal data."""
    return make_user("editor", groups=["Editors"])


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("boss", "boss@example.org", "password")


@pytest.fixture
def welsh_locale(home_page):
    """Welsh as a content language (the admin's Languages screen makes it so), with the home page translated."""
    locale, _ = Locale.objects.get_or_create(language_code="cy")
    welsh_home = home_page.copy_for_translation(locale)
    welsh_home.title = "Hafan"
    welsh_home.save_revision().publish()
    return locale


@pytest.fixture
def welsh_statement(statement_page, welsh_locale):
    """The statement translated into Welsh: the same statement (one count, one list), its own words and address."""
    welsh = statement_page.copy_for_translation(welsh_locale)
    welsh.title = "Datganiad dros fuddugoliaeth"
    welsh.slug = "datganiad"
    welsh.body = "<p>Rydym yn galw am fuddugoliaeth i Lafur.</p>"
    welsh.save_revision().publish()
    welsh.refresh_from_db()
    return welsh
