from .counter import SignatureCount
from .page import StatementPage
from .signature import Signature, normalise_email

__all__ = ["Signature", "SignatureCount", "StatementPage", "normalise_email"]
