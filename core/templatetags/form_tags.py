"""Template helpers for accessible forms."""

from django import template

register = template.Library()


@register.filter
def accessible_widget(field):
    """Render a field's widget pointing at its help text and error message.

    Django links help text on its own; errors also need to be announced
    with the field (WCAG 3.3.1), so both ids go in aria-describedby.
    """
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    attrs = {"aria-describedby": " ".join(ids)} if ids else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)
