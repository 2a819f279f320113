"""The kit to table the motion where a group meets: the motion page and its Word and PDF downloads,
with the place's body filled in ("Leeds Central CLP", or the branch as its members typed it)."""

from urllib.parse import urlencode

from campaign.motion.pathway_emails import motion_page_url

from .models import IntroductionGroup


def body_name(group):
    """The body the group would table the motion in: the constituency's CLP, or the branch itself."""
    return f"{group.name} CLP" if group.kind == IntroductionGroup.Kind.CONSTITUENCY else group.name


def kit(group):
    """{"motion_url", "word_url", "pdf_url", "report_url"}, or {} when no motion page is published."""
    url = motion_page_url()
    if not url:
        return {}
    name = body_name(group)[:120]

    def download(file_format):
        return f"{url}download/?" + urlencode({"name": name, "format": file_format})

    return {
        "motion_url": url,
        "word_url": download("docx"),
        "pdf_url": download("pdf"),
        "report_url": f"{url}report/",
        "body_name": name,
    }
