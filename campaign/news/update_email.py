"""An update as an email: its words rendered once per batch, then each recipient's links added.

Headings, paragraphs and quotes go into the email; images, documents,
videos and buttons are left to the page ("Read it on the website"), so a
message stays light and never loads anything from elsewhere. Links are made
absolute for the site the update lives on.
"""

import re

from django.core.mail import EmailMultiAlternatives
from django.utils.html import strip_tags
from wagtail.rich_text import expand_db_html

from core.emails import render_email
from core.site_settings import site_settings_for
from core.subscriptions.tokens import unsubscribe_url, your_data_url

TEMPLATE = "news/update"
RELATIVE_HREF = re.compile(r'href="/(?!/)')


def content(page):
    """What every recipient's copy shares: computed once per batch."""
    url = page.get_full_url()
    base = url.split("/", 3)[:3]
    base_url = "/".join(base) + "/"
    blocks, leftovers = [], False
    for block in page.body:
        if block.block_type == "heading":
            blocks.append({"kind": "heading", "text": str(block.value)})
        elif block.block_type == "paragraph":
            html = RELATIVE_HREF.sub(f'href="{base_url}', expand_db_html(block.value.source))
            blocks.append({"kind": "paragraph", "html": html, "text": strip_tags(html).strip()})
        elif block.block_type == "quote":
            blocks.append({"kind": "quote", "text": block.value["quote"], "by": block.value["attribution"]})
        else:
            leftovers = True
    settings = site_settings_for(site=page.get_site())
    return {
        "title": page.title,
        "date": page.date,
        "standfirst": page.standfirst,
        "blocks": blocks,
        "more_online": leftovers,
        "page_url": url,
        "base_url": base_url,
        "campaign_name": settings.campaign_name if settings else "",
    }


def message(shared, email):
    """One recipient's message, with their own unsubscribe link in the headers (RFC 8058) and the text."""
    unsubscribe = unsubscribe_url(email, shared["base_url"])
    context = {**shared, "unsubscribe_url": unsubscribe, "your_data_url": your_data_url(email, shared["base_url"])}
    subject, text, html = render_email(TEMPLATE, context)
    headers = {"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    mail = EmailMultiAlternatives(subject, text, to=[email], headers=headers)
    mail.attach_alternative(html, "text/html")
    mail.tags = ["news-update"]
    return mail
