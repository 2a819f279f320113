"""The materials app's models: the page with its materials, their drawn previews, and print orders."""

from .orders import PrintOrder, PrintOrderLine
from .pages import Material, MaterialsPage
from .previews import DocumentPreview

__all__ = ["DocumentPreview", "Material", "MaterialsPage", "PrintOrder", "PrintOrderLine"]
