"""Admin panels: what a print order asks for, and the state of a material's drawn preview."""

from wagtail.admin.panels import Panel


class OrderItemsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "materials/admin/order_items_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["lines"] = list(self.instance.lines.all()) if self.instance.pk else []
            return context


class PreviewStatusPanel(Panel):
    """On each material in the page editor: whether visitors see a drawn preview, or a plain placeholder and why."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "materials/admin/preview_status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            material = self.instance
            drawn = material.drawn_preview if material.pk and material.document_id else None
            context["has_own_preview"] = material.preview_id is not None
            context["drawn"] = drawn
            return context
