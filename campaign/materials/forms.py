"""The print order form: who and where, and how many copies of each orderable material."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.protection import HoneypotFormMixin

from .models.orders import PrintOrder

QUANTITY_PREFIX = "quantity_"
LATEST_NEEDED_BY = datetime.timedelta(days=366)


class PrintOrderForm(HoneypotFormMixin, forms.ModelForm):
    """One quantity field per orderable material, bounded by the material's own maximum."""

    class Meta:
        model = PrintOrder
        fields = ["name", "email", "organisation", "address", "needed_by", "notes"]
        labels = {
            "name": _("Your name"),
            "email": _("Your email"),
            "organisation": _("Organisation or branch"),
            "address": _("Delivery address"),
            "needed_by": _("Needed by"),
            "notes": _("Notes"),
        }
        help_texts = {
            "address": _("Where we should send the copies, with the postcode."),
            "needed_by": _("Leave empty if there is no deadline."),
        }
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "address": forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
            "needed_by": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, materials=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.materials = [material for material in materials if material.orderable]
        quantity_fields = {
            f"{QUANTITY_PREFIX}{material.pk}": forms.IntegerField(
                label=gettext("Copies of “%(title)s”") % {"title": material.title},
                required=False,
                min_value=0,
                max_value=material.max_quantity,
                help_text=gettext("Up to %(most)s.") % {"most": material.max_quantity},
                widget=forms.NumberInput(attrs={"min": 0, "max": material.max_quantity, "inputmode": "numeric"}),
            )
            for material in self.materials
        }
        # Quantities come right after the contact details, before the dates and notes.
        fields = list(self.fields.items())
        split = [name for name, _ in fields].index("needed_by")
        self.fields = dict(fields[:split] + list(quantity_fields.items()) + fields[split:])

    def quantity_fields(self):
        return [self[name] for name in self.fields if name.startswith(QUANTITY_PREFIX)]

    def other_fields(self):
        return [self[name] for name in self.fields if not name.startswith(QUANTITY_PREFIX)]

    def clean_needed_by(self):
        needed_by = self.cleaned_data.get("needed_by")
        today = timezone.localdate()
        if needed_by and needed_by < today:
            raise forms.ValidationError(_("Please choose a date that has not passed."))
        if needed_by and needed_by > today + LATEST_NEEDED_BY:
            raise forms.ValidationError(_("Please choose a date within the next year."))
        return needed_by

    def clean(self):
        cleaned = super().clean()
        quantity_errors = any(self.has_error(f"{QUANTITY_PREFIX}{m.pk}") for m in self.materials)
        if self.materials and not quantity_errors and not self.chosen_quantities():
            raise forms.ValidationError(_("Please say how many copies of at least one item you would like."))
        return cleaned

    def chosen_quantities(self):
        """[(material, quantity)] for every material with at least one copy asked for."""
        chosen = []
        for material in self.materials:
            quantity = self.cleaned_data.get(f"{QUANTITY_PREFIX}{material.pk}")
            if quantity:
                chosen.append((material, quantity))
        return chosen
