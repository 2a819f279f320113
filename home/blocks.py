"""StreamField blocks of the site settings."""

from wagtail import blocks


class SocialLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=40, help_text="For example: Instagram, Mastodon, Bluesky")
    url = blocks.URLBlock()

    class Meta:
        icon = "link"
