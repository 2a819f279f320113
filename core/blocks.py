"""StreamField blocks that more than one app offers editors."""

from wagtail import blocks


class CallToActionBlock(blocks.StructBlock):
    """One thing a visitor can do: a title, a line of text, and where to go.

    Editors link to a page of the site or, failing that, any address
    (a Facebook page, a form elsewhere); the page wins when both are set.
    """

    title = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False, max_length=400)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, label="Or a web address")
    link_text = blocks.CharBlock(required=False, max_length=60, help_text="Defaults to the title.")

    class Meta:
        icon = "pick"
        template = "core/blocks/call_to_action.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = value.get("page")
        context["href"] = page.url if page else value.get("url")
        return context
