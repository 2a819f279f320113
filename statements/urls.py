"""URLs of the statements app that are not Wagtail pages."""

from django.urls import path, re_path

from .closing_views import closed_statements_list
from .direct_urls import confirm_beside_statement, count_json, share_card_at, sign_beside_statement
from .embed_links import oembed
from .embeds import count_embed, sign_embed, signed_embed

# A statement's frames for a partner's website (statements/embeds.py): /embed/<partner's code>/<statement>/...
EMBED = r"^embed/(?P<code>[-\w]+)/(?P<path>(?:[\w-]+/)*[\w-]+)/"

urlpatterns = [
    re_path(EMBED + r"count/$", count_embed, name="statement_embed_count"),
    re_path(EMBED + r"signed/$", signed_embed, name="statement_embed_signed"),
    re_path(EMBED + r"$", sign_embed, name="statement_embed"),
    path("oembed/", oembed, name="oembed"),
    path("closed-statements/", closed_statements_list, name="closed_statements"),
    # Signing and confirming: their one route, beside the statement's page (signing.sub_address reverses them).
    re_path(r"^(?P<path>(?:[\w-]+/)*[\w-]+)/sign/$", sign_beside_statement, name="statement_sign"),
    re_path(r"^(?P<path>(?:[\w-]+/)*[\w-]+)/confirm/$", confirm_beside_statement, name="statement_confirm"),
    # A statement's counts as JSON: its page address with ".json" in place of the last slash.
    re_path(r"^(?P<path>(?:[\w-]+/)*[\w-]+)\.json$", count_json, name="statement_count_json"),
    # The picture shown beside a shared link (og:image): drawn by the site, with the live count.
    re_path(r"^(?P<path>(?:[\w-]+/)*[\w-]+)/share-card\.png$", share_card_at, name="statement_share_card"),
]
