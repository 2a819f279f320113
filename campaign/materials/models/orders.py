"""Orders for printed copies of materials, worked through by organisers in the admin."""

from django.contrib import admin
from django.core.validators import MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel

from core.request_models import HandledRequest

from ..panels import OrderItemsPanel


class PrintOrder(HandledRequest):
    """A request for printed copies, worked through by organisers in the admin."""

    wagtail_reference_index_ignore = True  # a visitor's request, not content (see Signature)

    class Status(models.TextChoices):
        NEW = "new", "New"
        SENT = "sent", "Sent"
        CANCELLED = "cancelled", "Cancelled"

    page = models.ForeignKey("materials.MaterialsPage", null=True, on_delete=models.SET_NULL, related_name="+")
    name = models.CharField(max_length=120)
    email = models.EmailField()
    organisation = models.CharField(max_length=160, blank=True)
    address = models.TextField("delivery address", max_length=600)
    needed_by = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True, max_length=2000)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NEW, db_index=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    updated = models.DateTimeField(auto_now=True)

    answer_status = Status.SENT  # the usual answer: its button ("Mark sent") and the prefilled message
    answer_label = "Mark sent"
    status_email_template = "materials/order_status"

    panels = [
        FieldPanel("status"),
        FieldPanel("email_requester"),
        FieldPanel("last_message"),
        FieldPanel("assigned_to"),
        FieldPanel("internal_notes"),
        OrderItemsPanel(heading="Items ordered"),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("organisation", read_only=True),
        FieldPanel("address", read_only=True),
        FieldPanel("needed_by", read_only=True),
        FieldPanel("notes", read_only=True),
    ]

    class Meta:
        ordering = ["-created"]
        verbose_name = "print order"

    def __str__(self):
        return f"Order {self.pk} from {self.name}"

    @admin.display(description="items")
    def items_summary(self):
        """For example "2 × Poster, 50 × Leaflet"; the admin list and export prefetch the lines."""
        return ", ".join(f"{line.quantity} × {line.title}" for line in self.lines.all())

    items = property(items_summary)  # the admin's inspect view reads attributes, not methods

    def status_message(self, status):
        """What the requester is told when an organiser moves the order to `status` ("" for nothing)."""
        items = ", ".join(f"{line.quantity} × {line.title}" for line in self.lines.all())
        if status == self.Status.SENT:
            return f"Your print order (reference {self.pk}: {items}) is in the post. Thank you for spreading the word."
        if status == self.Status.CANCELLED:
            return f"We are sorry: we cannot send your print order (reference {self.pk}: {items})."
        return ""

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
