"""The introductions' pages: a member's page of their group, leaving it, and choosing to be introduced.

Each is reached by a signed link from an email, never cached or indexed, with no Referer (the token is in
the address: campaign.hosts.private), its POSTs origin-checked and rate-limited per network. A link whose
member has left, unticked, withdrawn or been anonymised shows the same page as an altered one (status 400).
"""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from campaign.hosts.private import private
from core.protection import rate_limited
from core.signed_links import BadToken
from core.subscriptions.tokens import read_person_token
from statements.models import Signature

from . import introducing, kit, messaging
from .forms import ChoiceForm, MessageForm, ShareForm
from .tokens import LEAVE, MEMBER

DONE = {
    "sent": _("Your message is on its way to the others in the group."),
    "shared": _("Done: the others who share their address can now see yours."),
    "unshared": _("Done: your address is no longer shown to the group."),
}
LIMIT_REACHED = _(
    "You (or your group) have sent today's messages: at most {per_member} a day from each of you and {per_group} "
    "from the whole group. Nothing was sent. You can write again tomorrow (UK time)."
)


def bad_link(request):
    return TemplateResponse(request, "introductions/bad_link.html", status=400)


def posted(request):
    return request.POST if request.method == "POST" else None


def token_of(request):
    return (request.POST.get("token") or request.GET.get("token", "")).strip()


def member_for(token, link=MEMBER):
    """The active member the link names, or BadToken."""
    member = link.read(token)
    if not member.is_active:
        raise BadToken()
    return member


@private
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limited("introductions_group", limit=20)
def group(request, token):
    """The group: the others' first names, their addresses where both share, a message to all, the kit."""
    try:
        member = member_for(token)
    except BadToken:
        return bad_link(request)
    action = request.POST.get("action") if request.method == "POST" else None
    message_form = MessageForm(posted(request) if action == "message" else None)
    share_form = ShareForm(posted(request) if action == "share" else None, initial={"share": member.shares_address})
    here = reverse("introductions:group", args=[token])
    if action == "message" and message_form.is_valid():
        try:
            messaging.send(member, message_form.cleaned_data["body"])
        except messaging.OverDailyLimit:
            message_form.add_error(
                None,
                LIMIT_REACHED.format(per_member=messaging.MESSAGES_PER_MEMBER, per_group=messaging.MESSAGES_PER_GROUP),
            )
        else:
            return redirect(f"{here}?done=sent")
    if action == "share" and share_form.is_valid():
        share = share_form.cleaned_data["share"]
        messaging.share_address(member, share)
        return redirect(f"{here}?done={'shared' if share else 'unshared'}")
    member.refresh_from_db(fields=["shares_address"])
    others = list(messaging.others(member))
    context = {
        "member": member,
        "group": member.group,
        "others": others,
        "others_names": get_text_list([other.first_name for other in others], gettext("and")),
        "sharing": messaging.sharing(member),
        "message_form": message_form,
        "share_form": share_form,
        "left": messaging.messages_left_today(member),
        "per_member": messaging.MESSAGES_PER_MEMBER,
        "done": DONE.get(request.GET.get("done", "")),
        "leave_token": LEAVE.make(member),
        "kit": kit.kit(member.group),
        # What was written since they joined: a message went only to those who were in the group then.
        "recent": member.group.messages.filter(created_at__gte=member.joined_at).select_related("sender__signature")[
            :10
        ],
    }
    return TemplateResponse(request, "introductions/group.html", context)


@private
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limited("introductions_leave", limit=30)
def leave(request):
    """The one-click link in every email: a button for a person (GET), done at once for a mail program's POST."""
    token = token_of(request)
    try:
        member = LEAVE.read(token)
    except BadToken:
        return bad_link(request)
    left = request.method == "POST"
    if left:
        introducing.leave(member)
    context = {"member": member, "token": token, "left": left or member.withdrawn_at is not None}
    return TemplateResponse(request, "introductions/leave.html", context)


@private
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limited("introductions_choose", limit=20)
def choose(request):
    """From the "your data" page (the person's own link): tick or untick "introduce me" for every signature."""
    token = token_of(request)
    try:
        email = read_person_token(token)
    except BadToken:
        return bad_link(request)
    signatures = Signature.objects.confirmed().filter(email_normalised=email)
    if not signatures.exists():
        return TemplateResponse(request, "introductions/choose.html", {"token": token, "signed": False})
    form = ChoiceForm(posted(request), initial={"introduce_me": signatures.filter(introduce_me=True).exists()})
    done = None
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["introduce_me"]:
            introducing.ask(email)
            done = "asked"
        else:
            introducing.withdraw(email)
            done = "withdrawn"
        form = ChoiceForm(initial={"introduce_me": done == "asked"})
    your_data = reverse("your_data") + "?" + urlencode({"token": token})
    context = {"token": token, "signed": True, "form": form, "done": done, "your_data_url": your_data}
    return TemplateResponse(request, "introductions/choose.html", context)
