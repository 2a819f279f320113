"""The campaign's feature apps, one Django app each: events, materials, motion, news, form_pages, stalls.

A folder, not an app: each feature below it owns its models, forms, views,
admin, emails, demo content and migrations (see ARCHITECTURE.md).
"""
