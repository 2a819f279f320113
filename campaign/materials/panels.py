"""An admin panel that shows what a print order asks for, beside the status organisers change."""

from wagtail.admin.panels import Panel


class OrderItemsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "materials/admin/order_items_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["lines"] = list(self.instance.lines.all()) if self.instance.pk else []
            return context
