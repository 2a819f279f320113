"""Public views for events that are not plain page renders: the submission form and pagination."""

from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import Site

from campaign.forms.events import EventSubmissionForm
from home.emails import queue_email
from home.models import SiteSettings
from home.protection import rate_limited


def paginate(request, queryset, per_page):
    """One page of `queryset`; a missing or nonsense ?page= gives the first or last page, never an error."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def local_time(value):
    return date_format(timezone.localtime(value), "l j F Y, H:i T")


def submission_email_context(submission, site_name):
    """Plain values only: the production task queue stores email context as JSON."""
    return {
        "site_name": site_name,
        "title": submission.title,
        "kind": submission.get_kind_display(),
        "start": local_time(submission.start),
        "end": local_time(submission.end),
        "venue_name": submission.venue_name,
        "address": submission.address,
        "town": submission.town,
        "postcode": submission.postcode,
        "online_url": submission.online_url,
        "description": submission.description,
        "organiser_name": submission.organiser_name,
        "organiser_contact": submission.organiser_contact,
        "email": submission.email,
    }


def admin_url(path):
    from django.conf import settings

    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@rate_limited("submit")
def submit_event(request, index_page):
    """The "submit your activity" form: saved as new, the submitter thanked, the organisers told."""
    form = EventSubmissionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        site = Site.find_for_request(request) or index_page.get_site()
        site_settings = SiteSettings.for_site(site)
        with transaction.atomic():
            submission = form.save()
            context = submission_email_context(submission, site_settings.campaign_name)
            context["events_url"] = index_page.get_full_url(request)
            queue_email("campaign/event_submission_received", [submission.email], context)
            context["admin_url"] = admin_url(
                reverse("campaign_eventsubmission_modeladmin_inspect", args=[submission.pk])
            )
            queue_email(
                "campaign/event_submission_notify",
                [site_settings.contact_email],
                context,
                reply_to=[submission.email],
            )
        return redirect(index_page.url + index_page.reverse_subpage("submit_thanks"))
    return index_page.render(request, template="campaign/event_submit.html", context_overrides={"form": form})
