"""Choice fields whose forms share one list of choices instead of each copying it.

Django deep-copies every field of a form for every form it builds, choice lists
included (the field's and its widget's): for the sign form, built on every
signing, that cost more than validating it. Sharing is safe because choices are
only ever replaced (assigning `form.fields[name].choices` gives that form its own), never changed in place.
The widgets keep Django's class names: templates tell widgets apart by them (`BoundField.widget_type`).
"""

from django import forms


class Select(forms.Select):
    __deepcopy__ = forms.Widget.__deepcopy__


class RadioSelect(forms.RadioSelect):
    __deepcopy__ = forms.Widget.__deepcopy__


class ChoiceField(forms.ChoiceField):
    widget = Select
    __deepcopy__ = forms.Field.__deepcopy__
