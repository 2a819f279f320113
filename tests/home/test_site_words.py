"""The settings' words in Welsh (#29): campaign name, tagline, footer and imprint on /cy/ pages, emails and files.

Wagtail's settings have one value per field, the English. Editors give the
Welsh as site words (a translatable snippet, translated with wagtail-localize
or added in Welsh); a word left empty there shows the English. Wagtail's own
settings screen still reads and saves English, whatever the admin's language.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from core.site_settings import imprint_for, settings_of, site_settings_for
from home.models import SiteSettings, SiteWords
from tests.conftest import make_user
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

WELSH = {
    "campaign_name": "Ymgyrch Brawf",
    "tagline": "Cyflog teg i bawb.",
    "footer_text": "Troedyn i bawb.",
    "imprint_on_behalf_of": "Ymgyrch Enghreifftiol",
}
IMPRINT_CY = "Hyrwyddwyd gan A. Organiser ar ran Ymgyrch Enghreifftiol, 1 Example Street, Anytown AB1 2CD."
IMPRINT_EN = "Promoted by A. Organiser on behalf of Example Campaign, 1 Example Street, Anytown AB1 2CD."


@pytest.fixture
def english(site_settings):
    site_settings.tagline = "Fair pay for all."
    site_settings.imprint_promoted_by = "A. Organiser"
    site_settings.imprint_on_behalf_of = "Example Campaign"
    site_settings.imprint_address = "1 Example Street, Anytown AB1 2CD"
    site_settings.save()
    return site_settings


def welsh_words(site_settings, locale, **words):
    """The Welsh words as wagtail-localize's Translate makes them: a translation of the English ones."""
    source = SiteWords.objects.get(site_id=site_settings.site_id, locale__language_code="en-gb")
    welsh = source.copy_for_translation(locale)
    for name, value in {**WELSH, **words}.items():
        setattr(welsh, name, value)
    welsh.save()
    return welsh


def parts(html):
    title = html.split("<title>")[1].split("</title>")[0]
    header = html.split('<header class="site-header">')[1].split("</header>")[0]
    footer = html[html.index('<footer class="site-footer">') :]
    return title, header, footer


def test_a_welsh_page_shows_the_welsh_words(client, english, welsh_locale):
    welsh_words(english, welsh_locale)

    title, header, footer = parts(client.get("/cy/").content.decode())

    assert title == "Hafan | Ymgyrch Brawf"
    assert '<span class="wordmark">Ymgyrch Brawf</span>' in header
    assert '<p class="site-tagline">Cyflog teg i bawb.</p>' in header
    assert "<p>Troedyn i bawb.</p>" in footer
    assert f'<p class="imprint">{IMPRINT_CY}</p>' in footer
    for words in ("Test Campaign", "Fair pay for all.", "A footer for everyone.", "Promoted by", "on behalf of"):
        assert words not in header + footer


def test_an_english_page_is_as_it_was(client, english, welsh_locale):
    welsh_words(english, welsh_locale)

    title, header, footer = parts(client.get("/").content.decode())

    assert title == "Support the campaign | Test Campaign"
    assert '<span class="wordmark">Test Campaign</span>' in header
    assert '<p class="site-tagline">Fair pay for all.</p>' in header
    assert "<p>A footer for everyone.</p>" in footer
    assert f'<p class="imprint">{IMPRINT_EN}</p>' in footer
    assert "Ymgyrch" not in header + footer


def test_a_word_left_empty_in_welsh_is_the_english(client, english, welsh_locale):
    welsh_words(english, welsh_locale, tagline="", imprint_on_behalf_of="  ")

    _title, header, footer = parts(client.get("/cy/").content.decode())

    assert '<span class="wordmark">Ymgyrch Brawf</span>' in header
    assert '<p class="site-tagline">Fair pay for all.</p>' in header
    assert "Hyrwyddwyd gan A. Organiser ar ran Example Campaign, 1 Example Street" in footer


def test_without_welsh_words_a_welsh_page_has_the_english_words_and_a_welsh_imprint(client, english, welsh_locale):
    _title, header, footer = parts(client.get("/cy/").content.decode())

    assert '<span class="wordmark">Test Campaign</span>' in header
    assert "Hyrwyddwyd gan A. Organiser ar ran Example Campaign, 1 Example Street, Anytown AB1 2CD." in footer


def page_queries(client, path):
    client.get(path)  # as a running server: the site root and the Locales known
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def test_english_pages_cost_no_query_more_and_welsh_ones_none_once_known(client, english, welsh_locale):
    english_before, welsh_before = page_queries(client, "/"), page_queries(client, "/cy/")
    welsh_words(english, welsh_locale)

    english_after = page_queries(client, "/")
    welsh_after = page_queries(client, "/cy/")

    assert len(english_after) == len(english_before)
    assert not [sql for sql in english_after if "home_sitewords" in sql]
    assert len(welsh_after) == len(welsh_before)  # the words are kept until the next publish or change
    assert not [sql for sql in welsh_after if "home_sitewords" in sql]


def test_new_welsh_words_show_on_the_next_page(client, english, welsh_locale):
    welsh = welsh_words(english, welsh_locale)
    assert "Ymgyrch Brawf" in client.get("/cy/").content.decode()

    welsh.campaign_name = "Ymgyrch Newydd"
    welsh.save()

    assert '<span class="wordmark">Ymgyrch Newydd</span>' in client.get("/cy/").content.decode()


def test_generated_files_carry_the_imprint_in_their_language(english, welsh_locale):
    welsh_words(english, welsh_locale)
    with translation.override("cy"):
        assert imprint_for(site=english.site) == IMPRINT_CY
    assert imprint_for(site=english.site) == IMPRINT_EN


def test_welsh_settings_are_read_never_saved_and_wagtails_stay_english(rf, english, welsh_locale):
    welsh_words(english, welsh_locale)
    request = rf.get("/cy/")
    with translation.override("cy"):
        welsh = site_settings_for(request)
        assert (welsh.campaign_name, welsh.contact_email) == ("Ymgyrch Brawf", "info@example.org")
        with pytest.raises(TypeError):
            welsh.save()
        assert SiteSettings.for_request(request).campaign_name == "Test Campaign"
        assert settings_of(request).campaign_name == "Test Campaign"
    assert SiteSettings.objects.get().campaign_name == "Test Campaign"


def test_the_settings_screen_shows_and_saves_english_for_an_admin_in_welsh(client, english, welsh_locale, superuser):
    welsh_words(english, welsh_locale)
    profile = UserProfile.get_for_user(superuser)
    profile.preferred_language = "cy"
    profile.save()
    client.force_login(superuser)
    url = f"/admin/settings/home/sitesettings/{english.site_id}/"

    response = client.get(url)

    form = response.context["form"]
    assert (form.initial["campaign_name"], form.initial["tagline"]) == ("Test Campaign", "Fair pay for all.")
    html = response.content.decode()
    assert 'lang="cy"' in html  # the admin itself is in Welsh
    assert "are under Snippets › Site words" in html  # where the Welsh words are, said on the screen
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not hasattr(value, "pk") and name not in {"social_links", "menu_titles", "next_steps"}
    }
    for stream in ("social_links", "menu_titles", "next_steps"):
        data |= {f"{stream}-count": "0"}
    data |= {"phone": "07700 900999", "privacy_page": "", "accessibility_page": "", "share_image": "", "logo": ""}
    assert client.post(url, data).status_code == 302

    saved = SiteSettings.objects.get()
    assert (saved.campaign_name, saved.tagline, saved.phone) == ("Test Campaign", "Fair pay for all.", "07700 900999")
    assert SiteWords.objects.get(locale=welsh_locale).campaign_name == "Ymgyrch Brawf"


def test_the_english_site_words_follow_the_settings(english):
    words = SiteWords.objects.get(locale__language_code="en-gb")
    assert (words.campaign_name, words.tagline, words.imprint_on_behalf_of) == (
        "Test Campaign",
        "Fair pay for all.",
        "Example Campaign",
    )

    words.campaign_name = "Another name"
    with pytest.raises(Exception) as refused:
        words.full_clean()
    assert "Settings › Site settings" in refused.value.message_dict["campaign_name"][0]


def test_a_welsh_email_names_the_campaign_in_welsh(client, english, welsh_locale, mailoutbox):
    welsh_words(english, welsh_locale)
    index = EventIndexPageFactory(parent=english.site.root_page)
    meeting = EventPageFactory(parent=index, title="Branch meeting", slug="branch-meeting", takes_rsvps=True)
    welsh_index = index.copy_for_translation(welsh_locale)
    welsh_index.title, welsh_index.slug = "Digwyddiadau", "digwyddiadau"
    welsh_index.save_revision().publish()
    welsh = meeting.copy_for_translation(welsh_locale)
    welsh.title, welsh.slug = "Cyfarfod y gangen", "cyfarfod-y-gangen"
    welsh.save_revision().publish()
    welsh.refresh_from_db()
    details = {"name": "Gwen", "phone": "", "website": ""}

    client.post(welsh.url + "rsvp/", {**details, "email": "gwen@example.org"})
    client.post(meeting.url + "rsvp/", {**details, "email": "ada@example.org"})

    gwen = next(message for message in mailoutbox if message.to == ["gwen@example.org"])
    assert gwen.subject == "Rydych chi'n dod: Cyfarfod y gangen"
    assert gwen.body.rstrip().endswith("Ymgyrch Brawf")
    assert "Test Campaign" not in gwen.body
    ada = next(message for message in mailoutbox if message.to == ["ada@example.org"])
    assert ada.body.rstrip().endswith("Test Campaign")


def test_an_organiser_allowed_to_adds_the_welsh_words_in_the_admin(client, english, welsh_locale):
    organiser = make_user(
        "translator",
        groups=["Campaign organisers"],
        permissions=["home.add_sitewords", "home.change_sitewords", "home.view_sitewords"],
    )
    client.force_login(organiser)

    listing = client.get("/admin/snippets/home/sitewords/")
    assert listing.status_code == 200 and "Test Campaign" in listing.content.decode()
    url = "/admin/snippets/home/sitewords/add/?locale=cy"
    assert client.get(url).status_code == 200
    data = {"site": english.site_id, **WELSH}
    response = client.post(url, data)

    assert response.status_code == 302
    words = SiteWords.objects.get(locale=welsh_locale)
    assert (words.campaign_name, words.footer_text) == ("Ymgyrch Brawf", "Troedyn i bawb.")
    english_words = SiteWords.objects.get(locale__language_code="en-gb")
    assert words.translation_key == english_words.translation_key  # a translation of them, as Translate makes
    assert list(english_words.get_translations()) == [words]
    assert "Ymgyrch Brawf" in client.get("/cy/").content.decode()


def test_an_organiser_without_the_permission_cannot(client, english, welsh_locale, organiser):
    client.force_login(organiser)
    assert client.get("/admin/snippets/home/sitewords/add/?locale=cy").status_code in {302, 403}
    assert not SiteWords.objects.filter(locale=welsh_locale).exists()


def test_one_site_has_one_set_of_words_per_language(client, english, welsh_locale, superuser):
    """A second Welsh set added in the admin is refused on its form, saying why (its form has no locale field)."""
    welsh_words(english, welsh_locale)
    client.force_login(superuser)

    response = client.post("/admin/snippets/home/sitewords/add/?locale=cy", {"site": english.site_id, **WELSH})

    assert response.status_code == 200
    assert "already: change those." in response.content.decode()
    assert SiteWords.objects.filter(locale=welsh_locale).count() == 1


def test_the_welsh_demo_has_the_site_words_in_welsh(client, home_page):
    call_command("load_demo_content", verbosity=0)

    title, header, footer = parts(client.get("/cy/").content.decode())

    assert title.endswith("| Ymgyrch Sosialaidd dros Fuddugoliaeth i Lafur")
    assert '<p class="site-tagline">Torïaid allan. Ymladd dros alwadau’r dosbarth gweithiol.</p>' in header
    assert "Rhwydwaith o sosialwyr sy’n ymgyrchu dros fuddugoliaeth i Lafur" in footer
    assert parts(client.get("/").content.decode())[0].endswith("| Socialist Campaign for a Labour Victory")


IN_WELSH = {
    "Test Campaign": "Ymgyrch Brawf",
    "Fair pay for all.": "Cyflog teg i bawb.",
    "A footer for everyone.": "Troedyn i bawb.",
    "Example Campaign": "Ymgyrch Enghreifftiol",
}


def test_wagtail_localize_translates_the_english_words_into_welsh(client, english, welsh_locale):
    """What its Translate action does: the English words as the source, the Welsh saved as their translation."""
    source, _ = TranslationSource.get_or_create_from_instance(SiteWords.objects.get(locale__language_code="en-gb"))
    translation_ = Translation.objects.create(source=source, target_locale=welsh_locale)
    for segment in StringSegment.objects.filter(source=source):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=welsh_locale,
            context=segment.context,
            data=IN_WELSH[segment.string.data],
        )
    translation_.save_target()

    _title, header, footer = parts(client.get("/cy/").content.decode())
    assert '<span class="wordmark">Ymgyrch Brawf</span>' in header
    assert '<p class="site-tagline">Cyflog teg i bawb.</p>' in header
    assert "<p>Troedyn i bawb.</p>" in footer and f'<p class="imprint">{IMPRINT_CY}</p>' in footer
