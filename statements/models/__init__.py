from .closing import StatementReopening
from .counter import SignatureCount
from .movement import OrganisationType, Union
from .outcomes import Answer, Ask, HandIn, Target
from .page import StatementPage
from .review import RemovedSignature, ReviewDecision
from .signature import Signature, normalise_email
from .sources import NamedSource

__all__ = [
    "Answer",
    "Ask",
    "HandIn",
    "NamedSource",
    "OrganisationType",
    "RemovedSignature",
    "ReviewDecision",
    "Signature",
    "SignatureCount",
    "StatementPage",
    "StatementReopening",
    "Target",
    "Union",
    "normalise_email",
]
