"""The admin screen behind "Write an update about this" on a published hand-in or response.

GET says what will happen and shows the draft's title and standfirst; POST makes the draft
(news/step_updates.py) and opens it in the page editor. A step that already has its update
leads to that update instead: one update per step.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from . import step_updates

# The steps' names in the screen's words ("hand-in", "response"), by STEP_MODELS' keys.
KIND_NAMES = {"hand-in": gettext_lazy("hand-in"), "response": gettext_lazy("response")}


def may_write_updates(user):
    index = step_updates.news_index()
    return index is not None and index.permissions_for_user(user).can_add_subpage()


def step_admin_url(step):
    return reverse(step.snippet_viewset.get_url_name("edit"), args=[step.pk])


@require_http_methods(["GET", "POST"])
def announce(request, kind, step_id):
    model = step_updates.STEP_MODELS.get(kind)
    if model is None:
        raise Http404
    step = get_object_or_404(model.objects.select_related("page"), pk=step_id)
    if not may_write_updates(request.user):
        raise PermissionDenied
    name = KIND_NAMES.get(kind, kind)
    existing = step_updates.update_about(step)
    if existing is not None:
        messages.info(
            request,
            _("This %(kind)s already has its update, “%(title)s”: here it is.")
            % {"kind": name, "title": existing.title},
        )
        return redirect("wagtailadmin_pages:edit", existing.pk)
    if not step.live:
        messages.error(
            request,
            _("Publish the %(kind)s first: an update announces what visitors can already see.") % {"kind": name},
        )
        return redirect(step_admin_url(step))
    if request.method == "POST":
        page, made = step_updates.draft_update(step, request.user)
        if made:
            messages.success(
                request,
                _("Here is the draft update. Check it and publish it; then you can email it to subscribers."),
            )
        return redirect("wagtailadmin_pages:edit", page.pk)
    context = {
        "kind": kind,
        "kind_name": name,
        "words": step_updates.prefilled(step),
        "step_url": step_admin_url(step),
        "page_title": _("Write an update about this"),
        "page_subtitle": str(step),
        "header_title": _("Write an update about this %(kind)s") % {"kind": name},
        "header_icon": "mail",
    }
    return TemplateResponse(request, "news/admin/announce.html", context)
