"""The shared error summary links every error to a field a visitor can focus.

Found by the browser checks: a group of radio buttons has no element with the
field's own id, so its error now links to the first choice.
"""

from django import forms
from django.template.loader import render_to_string


class ChoicesForm(forms.Form):
    kind = forms.ChoiceField(choices=[("person", "A person"), ("org", "An organisation")], widget=forms.RadioSelect)
    topics = forms.MultipleChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple)
    name = forms.CharField()


def test_error_summary_links_choice_groups_to_their_first_choice():
    form = ChoicesForm({})
    assert not form.is_valid()

    summary = render_to_string("includes/error_summary.html", {"form": form})
    fields = "".join(render_to_string("includes/form_field.html", {"field": field}) for field in form)

    assert '<a href="#id_kind_0">Kind: This field is required.</a>' in summary
    assert '<a href="#id_topics_0">Topics: This field is required.</a>' in summary
    assert '<a href="#id_name">Name: This field is required.</a>' in summary
    assert 'id="id_kind_0"' in fields and 'id="id_topics_0"' in fields and 'id="id_name"' in fields
