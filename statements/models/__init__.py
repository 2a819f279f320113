from .counter import SignatureCount
from .page import StatementPage
from .review import ReviewDecision
from .signature import Signature, normalise_email

__all__ = ["ReviewDecision", "Signature", "SignatureCount", "StatementPage", "normalise_email"]
