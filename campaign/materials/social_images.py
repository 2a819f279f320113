"""Images of a poster sized for social media, as Wagtail renditions of its preview.

A poster is taller than any social media frame, so cropping it to one cuts off
its slogan or its QR code. The `pad-WxH` filter registered here fits the whole
poster inside the frame on a white ground instead.
"""

from django.utils.translation import gettext_lazy as _
from PIL import Image
from wagtail import hooks
from wagtail.images.image_operations import FilterOperation
from willow.plugins.pillow import PillowImage

PAD_COLOUR = (255, 255, 255)

# (label, filter spec) of each image offered on a material's card.
SOCIAL_IMAGES = (
    (_("Square image for social media"), "pad-1080x1080"),
    (_("Wide image for social media and link previews"), "pad-1200x630"),
)


class PadOperation(FilterOperation):
    """`pad-1200x630`: scale the picture to fit the frame and fill the rest with white, cropping nothing."""

    def construct(self, size):
        width, height = (int(part) for part in size.split("x"))
        if width <= 0 or height <= 0:
            raise ValueError("Padding needs a positive width and height.")
        self.size = (width, height)

    def run(self, willow, image, env):
        picture = willow.get_pillow_image().convert("RGB")
        frame_width, frame_height = self.size
        scale = min(frame_width / picture.width, frame_height / picture.height)
        fitted = picture.resize(
            (max(1, round(picture.width * scale)), max(1, round(picture.height * scale))), Image.LANCZOS
        )
        frame = Image.new("RGB", self.size, PAD_COLOUR)
        frame.paste(fitted, ((frame_width - fitted.width) // 2, (frame_height - fitted.height) // 2))
        return PillowImage(frame)


@hooks.register("register_image_operations")
def register_pad_operation():
    return [("pad", PadOperation)]
