"""What may be done with signatures, and the share of it the "Campaign organisers" group gets."""

EMAIL_PERMISSION = "statements.view_signature_email"
EXPORT_PERMISSION = "statements.export_signature"
IMPORT_PERMISSION = "statements.import_signature"
REVIEW_PERMISSION = "statements.review_signature"

ORGANISER_PERMISSIONS = [
    "statements.view_signature",
    "statements.change_signature",
    "statements.delete_signature",
    EMAIL_PERMISSION,
    EXPORT_PERMISSION,
    IMPORT_PERMISSION,
    REVIEW_PERMISSION,
]
