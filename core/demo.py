"""What every app's demo builder shares: make a page once, and leave it alone after that."""


def child_page(parent, model, slug, **fields):
    """Return the child of `parent` with this slug, creating and publishing it if missing.

    Running the demo loader again therefore never overwrites an editor's
    changes and never duplicates a page.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
