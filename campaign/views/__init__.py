"""Views of the campaign app, one module per feature."""
