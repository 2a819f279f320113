"""The materials app's models: the page with its materials, and print orders."""

from .orders import PrintOrder, PrintOrderLine
from .pages import Material, MaterialsPage

__all__ = ["Material", "MaterialsPage", "PrintOrder", "PrintOrderLine"]
