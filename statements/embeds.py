"""The statement's sign form and count, small enough to sit in a frame on a partner's website.

A union branch, trades council or CLP puts `<iframe src="/embed/<code>/<statement>/">`
on its own site (statements/embed_links.py makes the code to copy). The
frame is a page of this site: no header or footer, its own small
stylesheet, the statement's title, its count and the same sign form, which
posts back to the same address. The form's POST comes from a page of this
site, so the browser says `Sec-Fetch-Site: same-origin` and the site's
cross-origin protection (core.cross_origin) passes it; a POST made by the
partner's own page is cross-site and refused, as anywhere else on the site.
No cookie is needed (public forms carry no CSRF token).

Signing is the site's own, through the same functions as the statement's
page (statements.views.screened, signing.record): the same checks, rate
limit, hold-backs and confirmation email. Only the answers differ: "check
your inbox" and mistakes are shown in the frame, compactly. The partner's
code is the signature's source (referral_code), whatever the form says.

Who may frame each answer: the partner's listed websites only
(statements.embed_partners). The partner's code is in the path, not the
query, so the page cache keeps one page per partner.
"""

from urllib.parse import urlencode, urlsplit

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from core.cross_origin import cross_origin_protected
from core.page_cache import asks_for_its_own_page, declared_query, mark_public, varies_on_query
from core.page_methods import takes_posts
from core.pages import serve_beside_page
from core.protection import RateLimit

from . import signing, views
from .embed_partners import framed_for, partner_named
from .forms import SignatureForm
from .models import StatementPage
from .tokens import CORRECT

STATEMENT = (StatementPage,)


def embed_path(name, partner, page, request=None):
    """The address of an embed page ("statement_embed", "_count", "_signed") of `page` for `partner`."""
    page_path = urlsplit(signing.statement_url(page, request)).path
    return reverse(name, kwargs={"code": partner.code, "path": page_path.strip("/")})


def for_partner(view):
    """A view of (request, page, partner) served at /embed/<code>/<statement's path>/...

    An unknown code, or one that is not a partner's website, is a 404 (framed
    by no one), and so is a statement with a view restriction to anyone who
    has not passed it: a frame on another site has no way to show a password
    form. Every answer, whatever its status, carries the partner's framing.
    """

    def serve(request, code, path):
        partner = partner_named(code)
        if partner is None:
            raise Http404

        @takes_posts  # for a restricted statement served through Wagtail's hooks (core.pages)
        def answer(request, page):
            return view(request, page, partner)

        response = serve_beside_page(request, path, STATEMENT, answer)
        if request.method in ("GET", "HEAD") and response.status_code == 200 and not its_own_page(request):
            mark_public(response)  # the same for everyone: a CDN may keep it, with its headers
        return framed_for(response, partner)

    serve.__name__ = view.__name__
    serve.__doc__ = view.__doc__
    return serve


def its_own_page(request):
    """Whether the request carries a query parameter its page reads (a signer's own link): never public."""
    return asks_for_its_own_page(request, declared_query(request))


def compact(request, page, partner, template, status=200, **extra):
    """An embed template with the statement's own context (views.page_context) and the partner's addresses."""
    return views.render(
        request,
        page,
        template,
        status=status,
        partner=partner,
        form_address=embed_path("statement_embed", partner, page, request),
        **extra,
    )


def partner_form(code):
    """SignatureForm with the partner's code as its source, whatever the POST says (views.screened makes it)."""

    def make(data):
        data = data.copy()
        data["src"] = code
        return SignatureForm(data)

    return make


@cross_origin_protected  # a public form: checked by origin, not by a CSRF token
@require_http_methods(["GET", "HEAD", "POST"])
@for_partner
def sign_embed(request, page, partner):
    """The compact sign form; its POST signs, then "check your inbox" in the frame (a reload never re-posts)."""
    if request.method != "POST":
        return compact(
            request, page, partner, "statements/embed/sign.html", form=SignatureForm(initial={"src": partner.code})
        )
    if page.is_closed():
        return compact(request, page, partner, "statements/embed/sign.html", status=410)
    screen = views.screened(request, partner_form(partner.code))
    if screen.refusal:
        minutes = max(1, RateLimit.of("sign").period // 60)
        return compact(request, page, partner, "statements/embed/too_many.html", status=429, retry_minutes=minutes)
    if not screen.valid:
        return compact(request, page, partner, "statements/embed/sign.html", form=screen.form)
    signed = signing.record(page, screen.form, request, assessment=screen.assessment)
    # The same query the statement's own "check your inbox" gets (sent, after, signature), at the embed's address.
    query = urlsplit(views.to_check_inbox(page, request, signed)["Location"]).query
    return redirect(f"{embed_path('statement_embed_signed', partner, page, request)}?{query}")


@require_safe
@for_partner
@varies_on_query("sent", "after", "signature")
def signed_embed(request, page, partner):
    """Check your inbox, in the frame: the address typed (mostly hidden); correcting it opens the site."""
    sent = request.GET.get("sent") != "0"
    signature = views.signature_of_link(page, request.GET.get("signature", ""), CORRECT)
    site_page = signing.statement_path(page, request, "signed")
    return compact(
        request,
        page,
        partner,
        "statements/embed/signed.html",
        sent=sent,
        next_email_at=None if sent else views.next_email_time(request),
        address=views.hidden_address(signature.email) if signature else "",
        correct_address=f"{site_page}?{urlencode({'signature': request.GET['signature']})}" if signature else "",
    )


@require_safe
@for_partner
def count_embed(request, page, partner):
    """The count alone, with a link to sign on the site (crediting the partner): for a sidebar."""
    sign_address = f"{signing.statement_url(page, request)}?{urlencode({'src': partner.code})}#sign"
    return compact(request, page, partner, "statements/embed/count.html", sign_address=sign_address)
