"""Demo form pages: "Get involved" (join the network) and "Contact"."""

from core.demo import child_page

from .models import FormField, FormPage

ORGANISERS = "info@example.org"


def fields(*specs):
    """FormField rows from (label, field type, required, help text) tuples, in order."""
    return [
        FormField(label=label, field_type=field_type, required=required, help_text=help_text, sort_order=n)
        for n, (label, field_type, required, help_text) in enumerate(specs)
    ]


def build(home):
    get_involved = child_page(
        home,
        FormPage,
        "get-involved",
        title="Get involved",
        show_in_menus=True,
        intro=("<p>Join the network of socialists carrying out this fight. Tell us a little about yourself.</p>"),
        thank_you_text="<p>Thank you for joining. We will be in touch about what is happening near you.</p>",
        to_address=ORGANISERS,
        subject="Someone wants to get involved",
        submit_label="Join the network",
        offer_updates=True,
        form_fields=fields(
            ("Your name", "singleline", True, ""),
            ("Your email", "email", True, ""),
            ("Phone", "singleline", False, "For example 07700 900456."),
            ("Town or area", "singleline", False, "So we can tell you what is happening near you."),
            ("Union, branch or organisation", "singleline", False, ""),
            ("How would you like to help?", "multiline", False, "Stalls, meetings, leafleting, other ideas."),
        ),
    )
    contact = child_page(
        home,
        FormPage,
        "contact",
        title="Contact",
        show_in_menus=True,
        intro="<p>Send us a message and we will reply by email.</p>",
        thank_you_text="<p>Thank you for your message. We will reply soon.</p>",
        show_contact_details=True,
        to_address=ORGANISERS,
        subject="Message from the contact form",
        form_fields=fields(
            ("Your name", "singleline", True, ""),
            ("Your email", "email", True, ""),
            ("Message", "multiline", True, ""),
        ),
    )
    return get_involved, contact
