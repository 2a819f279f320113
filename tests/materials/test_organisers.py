"""Organisers keep the materials page: they publish it and upload posters, and may not touch the rest of the site."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupCollectionPermission

from campaign.materials.posters import draw_poster, poster_files
from core.organisers import ORGANISERS_GROUP
from tests.materials.factories import MaterialsPageFactory

pytestmark = pytest.mark.django_db


def test_an_organiser_may_edit_and_publish_the_materials_page_only(organiser, home_page):
    materials = MaterialsPageFactory(parent=home_page)

    assert materials.permissions_for_user(organiser).can_publish()
    assert not home_page.permissions_for_user(organiser).can_edit()


def test_an_organiser_uploads_a_poster_from_the_document_chooser(client, organiser, home_page):
    client.force_login(organiser)
    pdf = poster_files(draw_poster("Tenants Together", "Rents down", "Sign today", "example.org"))[1]

    response = client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Rents poster",
            "document-chooser-upload-file": SimpleUploadedFile("rents.pdf", pdf),
        },
    )

    assert response.status_code == 200 and response.json()["step"] == "chosen"
    assert get_document_model().objects.get().title == "Rents poster"


def test_the_collection_grant_comes_back_after_migrate():
    GroupCollectionPermission.objects.filter(group__name=ORGANISERS_GROUP).delete()

    call_command("migrate", verbosity=0)

    granted = GroupCollectionPermission.objects.filter(
        group__name=ORGANISERS_GROUP, collection=Collection.get_first_root_node()
    )
    assert sorted(granted.values_list("permission__codename", flat=True)) == [
        "add_document",
        "add_image",
        "choose_document",
        "choose_image",
    ]
