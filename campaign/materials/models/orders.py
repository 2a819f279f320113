"""Orders for printed copies of materials, worked through by organisers in the admin."""

from django.conf import settings
from django.contrib import admin
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.languages import active_language
from core.request_models import HandledRequest, answer_panels, sent_panels

from ..panels import OrderItemsPanel


class PrintOrder(HandledRequest):
    """A request for printed copies, worked through by organisers in the admin."""

    page = models.ForeignKey("materials.MaterialsPage", null=True, on_delete=models.SET_NULL, related_name="+")
    name = models.CharField(max_length=120)
    organisation = models.CharField(max_length=160, blank=True)
    address = models.TextField("delivery address", max_length=600)
    needed_by = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True, max_length=2000)
    # The language they ordered in (core.languages): the answers they get (prefilled message, email) are in it.
    language = models.CharField(max_length=16, blank=True, default=active_language, editable=False)

    class Status(models.TextChoices):
        NEW = "new", "New"
        SENT = "sent", "Sent"
        CANCELLED = "cancelled", "Cancelled"

    status_email_template = "materials/order_status"
    status_messages = {
        Status.SENT: _(
            "Your print order (reference {reference}: {items}) is in the post. Thank you for spreading the word."
        ),
        Status.CANCELLED: _("We are sorry: we cannot send your print order (reference {reference}: {items})."),
    }
    answer_status = Status.SENT  # the usual answer: its button ("Mark sent") and the prefilled message
    answer_label = "Mark sent"

    panels = [
        *answer_panels(),
        OrderItemsPanel(heading="Items ordered"),
        *sent_panels(["name", "email", "organisation", "address", "needed_by", "notes"]),
    ]

    class Meta(HandledRequest.Meta):
        verbose_name = "print order"

    def __str__(self):
        return f"Order {self.pk} from {self.name}"

    @admin.display(description="items")
    def items_summary(self):
        """For example "2 × Poster, 50 × Leaflet"; the admin list and export prefetch the lines."""
        return ", ".join(f"{line.quantity} × {line.title}" for line in self.lines.all())

    items = property(items_summary)  # the admin's inspect view reads attributes, not methods

    def message_details(self):
        return {"items": self.items_summary()}

    def status_message(self, status):
        """The prefilled answer in the language they ordered in, whatever the organiser's admin speaks."""
        with translation.override(self.language or settings.LANGUAGE_CODE):
            return super().status_message(status)

    def total_copies(self):
        return sum(line.quantity for line in self.lines.all())


class PrintOrderLine(models.Model):
    """How many copies of one material; the title is kept in case the material is removed."""

    wagtail_reference_index_ignore = True  # a visitor's request, not content (see Signature)

    order = models.ForeignKey(PrintOrder, on_delete=models.CASCADE, related_name="lines")
    material = models.ForeignKey("materials.Material", null=True, on_delete=models.SET_NULL, related_name="+")
    title = models.CharField(max_length=120)
    quantity = models.PositiveIntegerField(validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.quantity} × {self.title}"
