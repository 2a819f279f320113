"""The materials app's share of the "Campaign organisers" group: print orders and download counts.

Delete too: erasing someone's order on request is the organisers' job (SECURITY.md).
"""

ORGANISER_PERMISSIONS = [
    "materials.view_printorder",
    "materials.change_printorder",
    "materials.delete_printorder",
    "materials.view_material",
]
