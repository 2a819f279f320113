"""Fixtures for the campaign app: the users who do and do not see personal data."""

import pytest
from django.contrib.auth.models import Group

from home.organisers import ORGANISERS_GROUP


@pytest.fixture
def organiser(django_user_model, home_page):
    user = django_user_model.objects.create_user("organiser", "organiser@example.org", "pw")
    user.groups.add(Group.objects.get(name=ORGANISERS_GROUP))
    return user


@pytest.fixture
def editor(django_user_model, home_page):
    """A plain Wagtail editor: may edit pages, must not see supporters' details."""
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def file_storage(settings, tmp_path):
    """Real files on disk: Wagtail serves documents from a local path, which memory storage lacks."""
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return tmp_path


@pytest.fixture
def post(client):
    """POST as a visitor; the client runs what waits for the commit (the queued emails)."""

    def submit(url, data):
        return client.post(url, data)

    return submit
