"""The materials app's share of the "Campaign organisers" group: print orders and download counts."""

ORGANISER_PERMISSIONS = ["materials.view_printorder", "materials.change_printorder", "materials.view_material"]
