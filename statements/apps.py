from django.apps import AppConfig

# What the "Campaign organisers" group may do with signatures.
ORGANISER_PERMISSIONS = [
    "statements.view_signature",
    "statements.change_signature",
    "statements.delete_signature",
    "statements.view_signature_email",
    "statements.export_signature",
    "statements.import_signature",
]


class StatementsConfig(AppConfig):
    name = "statements"
    verbose_name = "Statement and signatures"

    def ready(self):
        from home.organisers import grant_after_migrate

        grant_after_migrate(self, ORGANISER_PERMISSIONS)
