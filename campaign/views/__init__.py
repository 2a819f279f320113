"""Views of the campaign app, one module per concern; pages call them from their routes."""
