from .pages import UpdateIndexPage, UpdatePage
from .sends import UpdateDelivery, UpdateSend

__all__ = ["UpdateDelivery", "UpdateIndexPage", "UpdatePage", "UpdateSend"]
