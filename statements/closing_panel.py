"""On the statement's edit screen, under its closing time: whether signing is open, Close or Reopen, and each reopening.

No model import: the page model lists this panel.
"""

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import Panel


class SigningClosesPanel(Panel):
    """Shows the live page's state (a draft's closing time is not yet what visitors see) and its reopenings."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "statements/admin/closing_panel.html"

        def is_shown(self):
            return self.instance.pk is not None  # a page being created has nothing to close yet

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            live = type(page).objects.filter(pk=page.pk, live=True).only("closes_at").first()
            closed = live is not None and live.is_closed()
            context.update(
                live=live,
                closed=closed,
                closes_at=live.closes_at if live else None,
                now=timezone.now(),
                close_url=reverse("statements_close_signing", args=[page.pk]),
                reopen_url=reverse("statements_reopen_signing", args=[page.pk]),
                reopenings=page.reopenings.select_related("reopened_by"),
            )
            return context
