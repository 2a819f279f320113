"""The HTTP methods a page answers: GET and HEAD, POST only where a form posts to it; others 405.

Wagtail serves every page through one view, which runs any method a
request names: PUT, PATCH and DELETE rendered the page (200), and a POST to
a page with no form rendered it every time, past the page cache. A page's
route (or its `serve`) that takes a form says so with `takes_posts`; the
`before_serve_page` hook below answers every other method with 405, and
OPTIONS with the methods the address takes.
"""

from django.http import HttpResponse, HttpResponseNotAllowed
from wagtail.contrib.routable_page.models import RoutablePageMixin

READING = ("GET", "HEAD", "OPTIONS")
WITH_FORMS = ("GET", "HEAD", "POST", "OPTIONS")


def takes_posts(view):
    """Mark a page's route, or a page's `serve`, as where a form posts."""
    view.takes_posts = True
    return view


def answering_view(page, serve_args):
    """The route that will answer (Wagtail passes it first for a routable page), else the page's `serve`."""
    if isinstance(page, RoutablePageMixin) and serve_args and callable(serve_args[0]):
        return serve_args[0]
    return page.serve


def methods_taken(page, serve_args):
    return WITH_FORMS if getattr(answering_view(page, serve_args), "takes_posts", False) else READING


def answer_only_methods_taken(page, request, serve_args, serve_kwargs):
    """Wagtail's before_serve_page hook: None lets the page answer; otherwise the answer itself."""
    taken = methods_taken(page, serve_args)
    if request.method == "OPTIONS":
        response = HttpResponse(headers={"Allow": ", ".join(taken), "Content-Length": "0"})
        return response
    if request.method not in taken:
        return HttpResponseNotAllowed(taken)
    return None
