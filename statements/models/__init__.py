from .counter import SignatureCount
from .movement import OrganisationType, Union
from .page import StatementPage
from .review import RemovedSignature, ReviewDecision
from .signature import Signature, normalise_email

__all__ = [
    "OrganisationType",
    "RemovedSignature",
    "ReviewDecision",
    "Signature",
    "SignatureCount",
    "StatementPage",
    "Union",
    "normalise_email",
]
