"""Demo content in Welsh (#29) and the accessibility statement, in both languages.

Welsh is added as editors add it in the admin (Settings → Locales, synchronised
from English): every page gets a Welsh alias at /cy/ showing the English words
until someone translates it, and new English pages get one too. The statement,
one event, the model motion and the accessibility statement are then translated
(their aliases made ordinary pages), with the Welsh words set on them. Safe to
run again: a page already translated is left as an editor may have changed it.
"""

from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import synchronize_tree

from core.demo import child_page

from .models import ContentPage, SiteSettings, SiteWords

WELSH = "cy"

STATEMENT_CY = {
    "title": "Ymgyrch Sosialaidd dros Fuddugoliaeth i Lafur",
    "slug": "datganiad",
    "standfirst": (
        "Byddai llywodraeth Dorïaidd arall yn drychineb i’r dosbarth gweithiol. Rydym eisiau buddugoliaeth i "
        "Lafur, ynghyd â galwadau clir dros y dosbarth gweithiol a mudiad llafur sy’n barod i ymladd."
    ),
    "body": "".join(
        f"<p>{paragraph}</p>"
        for paragraph in [
            "Byddai llywodraeth Dorïaidd arall – ar ei phen ei hun, gyda’r Democratiaid Rhyddfrydol neu, waethaf "
            "oll, mewn clymblaid ag UKIP – yn drychineb i’r dosbarth gweithiol. Fel sosialwyr, rydym eisiau "
            "buddugoliaeth i Lafur, nid am ein bod yn cefnogi safbwynt presennol Llafur – fersiwn feddalach o "
            "gyni a gwleidyddiaeth wrth-fudwyr – ond er mwyn cael gwared ar y Glymblaid, ac am fod Llafur "
            "wedi’i chysylltu â sefydliadau sylfaenol y gweithwyr, yr undebau llafur. Os bydd yr undebau’n "
            "dewis ymladd, gallant newid cyfeiriad Llafur.",
            "Rydym eisiau cyfuno’r ymgyrch dros lywodraeth Lafur â galwadau clir dros y dosbarth gweithiol, er "
            "mwyn codi hyder y dosbarth gweithiol, a chryfhau a thrawsnewid ein mudiad llafur fel ei fod yn "
            "barod i ymladd. Rhaid herio’r syniad y dylai’r dosbarth gweithiol dalu am argyfwng cyfalafiaeth "
            "drwy fwy o anghydraddoldeb, cyflogau is, swyddi ansicr, straen yn y gweithle a thoriadau i "
            "wasanaethau.",
            "Dylai’r mudiad llafur gefnogi pob brwydr gan y dosbarth gweithiol yn erbyn ymgyrch y penaethiaid "
            "i wasgu mwy a mwy o elw o’n gwaith a’n bywydau. Yn lle cymdeithas gyfalafol sy’n ecsbloetio, "
            "rydym ni’r sosialwyr yn ymladd dros fyd o berchnogaeth gyfunol, cydraddoldeb a chynllunio "
            "cynaliadwy ar gyfer anghenion pobl, nid elw.",
            "Os byddwn yn cryfhau’r chwith a brwydrau’r dosbarth gweithiol, ac yn dod â syniadau sosialaidd yn "
            "ôl i’r ddadl wleidyddol, gallwn wthio Llafur i newid cwrs a sicrhau o leiaf rai newidiadau "
            "cadarnhaol i’r dosbarth gweithiol: y Cyflog Byw, y GIG, addysg am ddim, diwedd ar gontractau dim "
            "oriau, ailwladoli’r rheilffyrdd, gwrthdroi pob toriad, trethu’r cyfoethog a dod â’r banciau i "
            "berchnogaeth gyhoeddus ddemocrataidd.",
            "Rydym yn ymladd dros ddemocratiaeth yn y Blaid Lafur er mwyn i leisiau’r dosbarth gweithiol gael eu "
            "clywed. Mae gan weithwyr Prydeinig a gweithwyr mudol yr un buddiannau. Rydym yn cefnogi rhyddid i "
            "symud a hawliau cyfartal i bawb, ac undod y dosbarth gweithiol ar draws Ewrop a’r byd.",
            "Yn y cyfnod cyn yr etholiad, rydym yn adeiladu rhwydwaith o sosialwyr i gynnal y frwydr hon. "
            "Helpwch ni, cymerwch ran!",
        ]
    ),
    "form_intro": "<p>Ychwanegwch eich enw chi, neu enw eich sefydliad, at y datganiad.</p>",
    "check_inbox_message": (
        "<p>Diolch! Rydym wedi anfon e-bost atoch. Agorwch y ddolen sydd ynddo i gadarnhau eich llofnod: "
        "mae’n cyfrif unwaith y gwnewch chi hynny.</p>"
    ),
    "thank_you_message": (
        "<p>Diolch am lofnodi. Mae eich llofnod yn cyfrif nawr. Rhannwch y datganiad, os gwelwch yn dda.</p>"
    ),
    "share_text": "Llofnodwch y datganiad: buddugoliaeth i Lafur a galwadau’r dosbarth gweithiol.",
}

EVENT_CY = {
    "title": "Galwad ar-lein i drefnwyr lleol",
    "slug": "galwad-trefnwyr-ar-lein",
    "venue_name": "Ar-lein (galwad fideo)",
    "town": "Ar-lein",
    "description": (
        "<p>Galwad fer i bawb sy’n trefnu stondinau a chyfarfodydd yn lleol: rhannu’r hyn sy’n gweithio, "
        "cynllunio’r wythnosau nesaf a chael deunyddiau.</p>"
    ),
}

MOTION_CY = {
    "title": "Cynnig enghreifftiol",
    "slug": "cynnig",
    "intro": (
        "<p>Cyflwynwch y cynnig hwn i’ch cangen undeb llafur, eich cangen o’r Blaid Lafur neu sefydliad arall, "
        "a gwahoddwch siaradwr o’r ymgyrch i’ch cyfarfod.</p>"
    ),
    "motion": (
        "<p>Mae [branch] yn nodi:</p><ol>"
        "<li>Y byddai llywodraeth Dorïaidd arall, ar ei phen ei hun neu mewn clymblaid, yn drychineb i’r "
        "dosbarth gweithiol.</li>"
        "<li>Bod Llafur wedi’i chysylltu â sefydliadau sylfaenol y gweithwyr, yr undebau llafur, ac os bydd yr "
        "undebau’n dewis ymladd y gallant newid cyfeiriad Llafur.</li></ol>"
        "<p>Mae [branch] yn credu:</p><ol>"
        "<li>Na ddylai’r dosbarth gweithiol dalu am argyfwng cyfalafiaeth drwy gyflogau is, swyddi ansicr, "
        "straen yn y gweithle a thoriadau i wasanaethau.</li>"
        "<li>Bod gan weithwyr Prydeinig a gweithwyr mudol yr un buddiannau, ac y dylai’r mudiad llafur "
        "gefnogi rhyddid i symud a hawliau cyfartal i bawb.</li></ol>"
        "<p>Mae [branch] yn penderfynu:</p><ol>"
        "<li>Ymgyrchu dros fuddugoliaeth i Lafur yn yr etholiad cyffredinol, gan bwyso ar Lafur i ennill "
        "galwadau’r dosbarth gweithiol.</li>"
        "<li>Ychwanegu enw’r gangen at ddatganiad yr Ymgyrch Sosialaidd dros Fuddugoliaeth i Lafur.</li>"
        "<li>Gwahodd siaradwr o’r ymgyrch i gyfarfod o’r gangen.</li></ol>"
    ),
    "speaker_heading": "Gwahodd siaradwr",
    "speaker_intro": (
        "<p>Gallwn anfon siaradwr i gyfarfod eich cangen, wyneb yn wyneb neu ar-lein. Dywedwch wrthym pryd a "
        "ble, a byddwn yn cysylltu.</p>"
    ),
}

ACCESSIBILITY = {
    "en": (
        "Accessibility statement",
        "<p>We want everyone to be able to read the statement, sign it and take part, whatever device or "
        "assistive technology they use. This site aims to meet the Web Content Accessibility Guidelines "
        "(WCAG) 2.2 at level AA.</p>"
        "<h2>What we test</h2><ul>"
        "<li>Every page is checked automatically with axe-core, on a phone-sized screen (375 pixels wide) and "
        "a desktop one (1280 pixels), in English and in Welsh.</li>"
        "<li>Every page is checked with the Nu HTML Checker for valid markup.</li>"
        "<li>Signing, confirming, RSVPs and every form work with a keyboard alone and without JavaScript.</li>"
        "<li>Text and controls meet WCAG’s colour contrast, and pages reflow without sideways scrolling.</li>"
        "</ul>"
        "<h2>Known gaps</h2><ul>"
        "<li>Posters and leaflets to print are PDF files designed for paper; their text is also on the "
        "materials page.</li>"
        "<li>Some pages written by the campaign are not translated into Welsh yet: the language switch says "
        "so.</li>"
        "<li>The map of where people have signed is a picture; the table beside it gives the same figures.</li>"
        "</ul>"
        "<h2>Report a problem</h2>"
        "<p>If something on this site does not work for you, email info@example.org or call 07700 900123. "
        "Tell us the page and what went wrong; we reply within five working days. If you are not happy with "
        "our reply, contact the Equality Advisory and Support Service (EASS).</p>",
    ),
    "cy": (
        "Datganiad hygyrchedd",
        "<p>Rydym eisiau i bawb allu darllen y datganiad, ei lofnodi a chymryd rhan, pa ddyfais neu dechnoleg "
        "gynorthwyol bynnag y maent yn ei defnyddio. Nod y wefan hon yw bodloni Canllawiau Hygyrchedd "
        "Cynnwys y We (WCAG) 2.2 ar lefel AA.</p>"
        "<h2>Beth rydym yn ei brofi</h2><ul>"
        "<li>Mae pob tudalen yn cael ei gwirio’n awtomatig ag axe-core, ar sgrin maint ffôn (375 picsel o led) "
        "ac ar sgrin bwrdd gwaith (1280 picsel), yn Gymraeg ac yn Saesneg.</li>"
        "<li>Mae pob tudalen yn cael ei gwirio â’r Nu HTML Checker.</li>"
        "<li>Mae llofnodi, cadarnhau, ateb gwahoddiad a phob ffurflen yn gweithio â bysellfwrdd yn unig a heb "
        "JavaScript.</li>"
        "<li>Mae testun a rheolyddion yn bodloni gofynion cyferbyniad lliw WCAG, ac mae tudalennau’n ail-lifo "
        "heb sgrolio i’r ochr.</li></ul>"
        "<h2>Bylchau hysbys</h2><ul>"
        "<li>Ffeiliau PDF ar gyfer papur yw’r posteri a’r taflenni i’w hargraffu; mae eu testun hefyd ar y "
        "dudalen ddeunyddiau.</li>"
        "<li>Nid yw rhai tudalennau a ysgrifennwyd gan yr ymgyrch wedi’u cyfieithu i’r Gymraeg eto: mae’r "
        "dewis iaith yn dweud hynny.</li>"
        "<li>Llun yw’r map o ble mae pobl wedi llofnodi; mae’r tabl wrth ei ymyl yn rhoi’r un ffigurau.</li>"
        "</ul>"
        "<h2>Rhoi gwybod am broblem</h2>"
        "<p>Os nad yw rhywbeth ar y wefan hon yn gweithio i chi, anfonwch e-bost at info@example.org neu "
        "ffoniwch 07700 900123. Dywedwch wrthym pa dudalen a beth aeth o’i le; byddwn yn ateb o fewn pum "
        "diwrnod gwaith. Os nad ydych yn fodlon â’n hateb, cysylltwch â’r Gwasanaeth Cynghori a Chymorth "
        "Cydraddoldeb (EASS).</p>",
    ),
}


def build_accessibility(home):
    """The accessibility statement (linked from every page's footer through the site settings), in English."""
    title, body = ACCESSIBILITY["en"]
    page = child_page(home, ContentPage, "accessibility", title=title, body=body)
    site_settings = SiteSettings.for_site(home.get_site())
    if site_settings.accessibility_page_id is None:
        site_settings.accessibility_page = page
        site_settings.save()
    return page


def build_welsh(home):
    """Welsh beside English: the whole tree aliased at /cy/, and four pages translated."""
    english = home.locale
    welsh, _ = Locale.objects.get_or_create(language_code=WELSH)
    LocaleSynchronization.objects.get_or_create(locale=welsh, defaults={"sync_from": english})
    synchronize_tree(english, welsh)
    translated = {}
    for slug, words in [
        ("statement", STATEMENT_CY),
        ("events/online-organisers-call", EVENT_CY),
        ("motion", MOTION_CY),
        ("accessibility", {"title": ACCESSIBILITY["cy"][0], "slug": "hygyrchedd", "body": ACCESSIBILITY["cy"][1]}),
    ]:
        page = home.get_descendants().filter(url_path=f"{home.url_path}{slug}/").first()
        if page is not None:
            translated[slug] = translate(page.specific, welsh, words)
    if "statement" in translated:
        add_menu_title(home, translated["statement"], "Llofnodi’r datganiad")
    translate_site_words(home, welsh)


# The settings' words every page shows (home.demo.build_settings has the English), as SiteWords in Welsh.
SITE_WORDS_CY = {
    "campaign_name": "Ymgyrch Sosialaidd dros Fuddugoliaeth i Lafur",
    "tagline": "Torïaid allan. Ymladd dros alwadau’r dosbarth gweithiol.",
    "footer_text": (
        "Rhwydwaith o sosialwyr sy’n ymgyrchu dros fuddugoliaeth i Lafur a mudiad llafur sy’n barod i ymladd."
    ),
}


def translate_site_words(home, locale):
    """The site words in Welsh, translated from the English ones as wagtail-localize's Translate makes them, once."""
    site_settings = SiteSettings.for_site(home.get_site())
    SiteWords.follow_settings(site_settings)
    english = SiteWords.objects.filter(site_id=site_settings.site_id, locale=home.locale).first()
    if english is None or SiteWords.objects.filter(site_id=site_settings.site_id, locale=locale).exists():
        return
    welsh = english.copy_for_translation(locale)
    for name, value in SITE_WORDS_CY.items():
        setattr(welsh, name, value)
    welsh.save()


def add_menu_title(home, page, title):
    """A short menu title for a translated page (the English page's is in English), once."""
    site_settings = SiteSettings.for_site(home.get_site())
    if page.pk not in site_settings.short_menu_titles():
        site_settings.menu_titles.append(("menu_title", {"page": page, "title": title}))
        site_settings.save()


def translate(page, locale, words):
    """Make the alias of `page` in `locale` its translation, as the admin's "Convert to ordinary page" does, in `words`.

    Left alone once translated (an editor's changes stay). Editors then keep it in step with the original
    through wagtail-localize's "Translate" screens.
    """
    translation = page.get_translation(locale).specific
    if translation.alias_of_id is None:
        return translation
    translation.alias_of = None
    for name, value in words.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation
