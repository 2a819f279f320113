"""Forms share their choice lists, and one form's own choices never reach another form."""

from django import forms

from core import shared_choices


class Choosing(forms.Form):
    colour = shared_choices.ChoiceField(choices=[("red", "Red"), ("green", "Green")])
    size = shared_choices.ChoiceField(
        choices=[("s", "Small")], widget=shared_choices.RadioSelect(attrs={"data-x": "1"})
    )


def test_forms_share_the_list_but_each_has_its_own_field_and_attrs():
    first, second = Choosing(), Choosing()
    assert first.fields["colour"].choices is second.fields["colour"].choices
    assert first.fields["colour"] is not second.fields["colour"]
    first.fields["size"].widget.attrs["data-x"] = "changed"
    assert second.fields["size"].widget.attrs["data-x"] == "1"


def test_replacing_one_forms_choices_leaves_the_others_and_validates_by_its_own():
    first, second = Choosing(data={"colour": "blue", "size": "s"}), Choosing(data={"colour": "blue", "size": "s"})
    first.fields["colour"].choices = [*first.fields["colour"].choices, ("blue", "Blue")]
    assert first.is_valid()
    assert not second.is_valid() and "colour" in second.errors
    assert [value for value, _ in Choosing().fields["colour"].choices] == ["red", "green"]
    assert 'value="blue"' in str(first["colour"]) and 'value="blue"' not in str(second["colour"])


def test_templates_see_the_widgets_as_djangos_own():
    form = Choosing()
    assert (form["colour"].widget_type, form["size"].widget_type) == ("select", "radioselect")
