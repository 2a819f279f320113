"""Choice fields whose forms share one list of choices instead of each copying it.

Django deep-copies every field of a form for every form it builds, choice lists
included (the field's and its widget's): for the sign form, built on every
signing, that cost more than validating it. Sharing is safe because choices are
only ever replaced (assigning `form.fields[name].choices` gives that form its own), never changed in place.
"""

from django import forms


class SharedChoicesSelect(forms.Select):
    __deepcopy__ = forms.Widget.__deepcopy__


class SharedChoicesRadioSelect(forms.RadioSelect):
    __deepcopy__ = forms.Widget.__deepcopy__


class SharedChoiceField(forms.ChoiceField):
    widget = SharedChoicesSelect
    __deepcopy__ = forms.Field.__deepcopy__
