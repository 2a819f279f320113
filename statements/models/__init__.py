from .counter import SignatureCount
from .movement import OrganisationType, Union
from .page import StatementPage
from .signature import Signature, normalise_email

__all__ = ["OrganisationType", "Signature", "SignatureCount", "StatementPage", "Union", "normalise_email"]
