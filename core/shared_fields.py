"""Form classes whose fields are built once and shared by all their forms, instead of deep-copied for each.

Django deep-copies every field of a form (its widget, validators and
messages too) each time it builds one, so that a form may change its own
fields. The sign form is built on every signing, the busiest POST the site
takes, and copying its seventeen fields cost about as much as validating
them (#33's signing bench). A class decorated with `shares_fields` settles
its fields once, when the class is made (its `settle_fields`), and its forms
then share them. Shared fields are safe because nothing changes a field while
a form is checked or shown; a form that must change one of its fields takes
its own copy first (`own_field`).

Subclasses get Django's usual copying back: their metaclass builds a plain dict of fields again.
"""

import copy


class SharedFields(dict):
    """A form class's fields, which each form "deep-copies" as a new dict of the same field objects."""

    def __deepcopy__(self, memo):
        return dict(self)


def shares_fields(form_class):
    """Class decorator: settle the fields once (the class's `settle_fields(fields)`, if any), then share them."""
    settle = getattr(form_class, "settle_fields", None)
    if settle is not None:
        settle(form_class.base_fields)
    form_class.base_fields = SharedFields(form_class.base_fields)
    return form_class


def own_field(form, name):
    """`form`'s own copy of the field `name`, to change without changing it for every other form."""
    form.fields[name] = field = copy.deepcopy(form.fields[name])
    return field
