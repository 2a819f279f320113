"""StreamField blocks of the home page and the site settings."""

from wagtail import blocks

from core.blocks import CallToActionBlock

# The small line drawings an editor may put on a card (templates/home/blocks/action_icon.html draws them).
ACTION_ICONS = [
    ("arrow", "Arrow"),
    ("pen", "Pen (sign)"),
    ("megaphone", "Megaphone (speak up, motions)"),
    ("printer", "Printer (materials)"),
    ("calendar", "Calendar (events)"),
    ("people", "People (join, get involved)"),
    ("heart", "Heart (like, share)"),
    ("envelope", "Envelope (contact)"),
]


class ActionCardBlock(CallToActionBlock):
    """A "What you can do" card on the home page: the call to action with an icon, as one link.

    The whole card is the link (nothing else inside it is a link), so it is
    one large touch target and one tab stop, and the focus ring goes round
    the whole card.
    """

    icon = blocks.ChoiceBlock(choices=ACTION_ICONS, default="arrow", help_text="A small picture on the card.")

    class Meta:
        icon = "pick"
        template = "home/blocks/action_card.html"


class SocialLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=40, help_text="For example: Instagram, Mastodon, Bluesky")
    url = blocks.URLBlock()

    class Meta:
        icon = "link"


class MenuTitleBlock(blocks.StructBlock):
    """A page's short name in the main menu, where its full title would crowd a phone's header."""

    page = blocks.PageChooserBlock()
    title = blocks.CharBlock(max_length=40, help_text="A few words, for example: Sign the statement")

    class Meta:
        icon = "list-ul"
