"""Public forms of the campaign app, one module per concern."""
