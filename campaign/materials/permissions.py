"""The materials app's share of the "Campaign organisers" group: print orders, download counts and posters.

Delete too: erasing someone's order on request is the organisers' job (SECURITY.md).

Organisers keep the materials page up to date: they edit and publish it,
upload a poster's PDF from the document chooser and, when they want a
picture of their own, an image (documents and images in every collection).
"""

ORGANISER_PERMISSIONS = [
    "materials.view_printorder",
    "materials.change_printorder",
    "materials.delete_printorder",
    "materials.view_material",
]

ORGANISER_COLLECTION_PERMISSIONS = [
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
]

ORGANISER_PAGE_PERMISSIONS = {
    "MaterialsPage": ["wagtailcore.change_page", "wagtailcore.publish_page"],
}
