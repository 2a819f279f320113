"""The rich-text features editors get, so every app's text fields offer the same tools."""

# Headings, lists, links and links to documents: the body of most pages.
TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3", "document-link"]
