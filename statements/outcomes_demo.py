"""Demo targets, a hand-in with a drawn photo and a response, for the demo statement's timeline (example values).

Made once: running the demo loader again finds them and changes nothing. The statement's launch is
moved back three weeks the first time (the news demo says it launched then), so the hand-in and the
response can be dated after it and before today, as the rules ask.
"""

import io
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Page

from core.fonts import bold

from .models import Answer, Ask, HandIn, Target

LAUNCHED_DAYS_AGO, HANDED_IN_DAYS_AGO, ANSWERED_DAYS_AGO = 21, 14, 5
PHOTO_TITLE = "Demo: the statement handed in"
NEC = "Labour’s National Executive Committee"
UNITE = "Unite’s Executive Council"
# (name, description, link, what we ask, at signatures)
TARGETS = [
    (NEC, "The committee that runs the Labour Party between conferences.", "https://example.org/nec",
     "to respond to the statement", None),
    (UNITE, "The union’s lay executive, between its policy conferences.", "",
     "to back the statement and take it to Labour’s conference", 50),
]  # fmt: skip


def build(page):
    targets = {}
    for order, (name, description, link, what, threshold) in enumerate(TARGETS):
        target, _ = Target.objects.get_or_create(name=name, defaults={"description": description, "link": link})
        targets[name] = target
        Ask.objects.get_or_create(
            page=page, target=target, defaults={"what_we_ask": what, "threshold": threshold, "sort_order": order}
        )
    if HandIn.objects.filter(page=page).exists() or Answer.objects.filter(page=page).exists():
        return
    today = timezone.localdate()
    launched = timezone.now() - timedelta(days=LAUNCHED_DAYS_AGO)
    if page.first_published_at is None or page.first_published_at > launched:
        Page.objects.filter(pk=page.pk).update(first_published_at=launched)
        page.first_published_at = launched
    publish(
        HandIn(
            page=page,
            date=today - timedelta(days=HANDED_IN_DAYS_AGO),
            place="Labour Party head office, London",
            handed_in_by="A delegation of branch secretaries",
            target=targets[NEC],
            signature_count=10,
            photo=hand_in_photo(),
            photo_alt="Five campaigners outside an office door, one holding a box marked “10 signatures”.",
        )
    )
    publish(
        Answer(
            page=page,
            date=today - timedelta(days=ANSWERED_DAYS_AGO),
            target=targets[NEC],
            quote=(
                "Thank you for the statement and the signatures. The National Executive Committee will discuss "
                "it at its next meeting and write to you afterwards. (An example response for the demo site.)"
            ),
        )
    )


def publish(step):
    step.live = False
    step.full_clean()
    step.save()
    step.save_revision().publish()


def hand_in_photo():
    ImageModel = get_image_model()
    existing = ImageModel.objects.filter(title=PHOTO_TITLE).first()
    if existing is not None:
        return existing
    out = io.BytesIO()
    draw_hand_in().save(out, "JPEG", quality=85, optimize=True)
    return ImageModel.objects.create(
        title=PHOTO_TITLE, file=ImageFile(ContentFile(out.getvalue()), name="demo-hand-in.jpg")
    )


def draw_hand_in(size=(960, 720)):
    """Campaigners at an office door, one holding the box of signatures: shapes only, no photograph needed."""
    width, height = size
    picture = Image.new("RGB", size, (214, 222, 230))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, int(height * 0.78), width, height), fill=(120, 120, 125))  # the pavement
    draw.rectangle((int(width * 0.62), int(height * 0.18), int(width * 0.9), int(height * 0.78)), fill=(70, 60, 55))
    draw.text((int(width * 0.64), int(height * 0.1)), "HEAD OFFICE", font=bold(34), fill=(40, 40, 40))
    for number, x in enumerate(range(60, int(width * 0.6), 110)):
        tone = (160 - number * 15, 20 + number * 10, 20 + number * 5)
        draw.ellipse((x + 20, 300, x + 80, 360), fill=(205, 170, 140))
        draw.rounded_rectangle((x, 365, x + 100, int(height * 0.95)), radius=36, fill=tone)
    box = (300, 400, 470, 520)
    draw.rectangle(box, fill=(250, 248, 242), outline=(40, 40, 40), width=4)
    draw.text((box[0] + 18, box[1] + 22), "10", font=bold(40), fill=(160, 0, 0))
    draw.text((box[0] + 18, box[1] + 70), "SIGNATURES", font=bold(22), fill=(160, 0, 0))
    return picture
