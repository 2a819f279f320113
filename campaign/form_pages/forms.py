"""The form builder's fields, limited to what the site keeps of their answers.

Wagtail's email field takes 320 characters, but an address that asks for
updates is kept in a 254-character column (PostgreSQL refuses more, where
SQLite took it); a paragraph answer had no limit at all.
"""

from wagtail.contrib.forms.forms import FormBuilder

from core.email_addresses import MAX_LENGTH as EMAIL_MAX_LENGTH
from core.email_addresses import validate_fits_when_kept

PARAGRAPH_MAX_LENGTH = 4000  # as the longest free text of the site's other forms (an event's description)


class CampaignFormBuilder(FormBuilder):
    def create_email_field(self, field, options):
        options["max_length"] = EMAIL_MAX_LENGTH
        options["validators"] = [validate_fits_when_kept]
        return super().create_email_field(field, options)

    def create_multiline_field(self, field, options):
        options["max_length"] = PARAGRAPH_MAX_LENGTH
        return super().create_multiline_field(field, options)
