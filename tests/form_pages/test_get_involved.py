"""The demo's "Get involved" form: a town is asked for, never required, and the thank-you page leads on."""

import re

import pytest
from wagtail.contrib.forms.models import FormSubmission

pytestmark = pytest.mark.django_db


def test_joining_without_a_town_is_accepted_and_the_thank_you_page_offers_next_steps(client, demo_content):
    form = client.get("/get-involved/").content.decode()
    assert re.search(r'<label for="id_town_or_area">Town or area <span class="optional">\(optional\)</span>', form)

    response = client.post("/get-involved/", {"your_name": "Ada Lovelace", "your_email": "ada@example.org"})

    html = response.content.decode()
    assert response.status_code == 200 and "Thank you for joining" in html
    assert FormSubmission.objects.get().get_data()["town_or_area"] == ""
    steps = html[html.index('id="next-steps-heading"') :]
    assert 'href="/statement/"' in steps and 'href="/events/"' in steps
    assert 'href="/get-involved/"' not in steps  # no step back to the form just sent
