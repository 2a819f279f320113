"""Named sources in the admin: the codes organisers hand out, each with its link and QR code.

Registered by one line of wagtail_hooks.py. An organiser names a partner's website, a poster run,
a branch newsletter or a stall; its screen shows the statement's address with `?src=<code>` to
copy and a QR code to print (SVG for print, PNG for everything else). The dashboard then counts
its confirmed signatures by name (statements.sources_dashboard).
"""

import io

import segno
from django import forms
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from core.publish_clock import KeptUntilNextPublish

from . import referrals, signing
from .embed_origins import validate_frame_origins
from .forms import SOURCE_CODE
from .models import NamedSource, StatementPage

VIEW_SOURCE_PERMISSION = "statements.view_namedsource"
QR_ERROR_LEVEL = "m"  # medium error correction: a poster's QR code survives a fold or a little dirt

_statement_urls = KeptUntilNextPublish()


def statement_address(request):
    """The address a source's link opens: the first live statement anyone may see (as printed QR codes do)."""
    kept = _statement_urls.current()
    host = request.get_host()
    if host not in kept:
        page = StatementPage.objects.live().public().order_by("path").first()
        kept[host] = signing.statement_url(page, request) if page else request.build_absolute_uri("/")
    return kept[host]


def source_link(request, source):
    return referrals.with_source(statement_address(request), source.code)


class NamedSourceForm(WagtailAdminModelForm):
    # Taken as text, so a capitalised code is lower-cased before it is checked, and a wrong one says why.
    code = forms.CharField(
        label="Source code",
        max_length=40,
        help_text="Lower-case letters, digits and dashes, for example leeds-tuc-news: links carry it as ?src=code.",
    )

    def clean_code(self):
        """As the sign form takes it (statements.forms.SOURCE_CODE), and never a signer's own ("s-...")."""
        code = self.cleaned_data["code"].strip().lower()
        if not SOURCE_CODE.fullmatch(code):
            raise ValidationError("Use lower-case letters, digits and dashes, starting with a letter or digit.")
        if referrals.is_signers_code(code):
            raise ValidationError(
                f"Codes starting “{referrals.SIGNER_PREFIX}” are signers’ own share links: choose another."
            )
        return code

    def clean_frame_origins(self):
        """Each line a website's origin, as the embed's frame-ancestors takes it (statements.embed_origins)."""
        value = self.cleaned_data["frame_origins"]
        validate_frame_origins(value)
        return value


class SourceLinkPanel(Panel):
    """On a saved source's screen: its link to copy, and its QR code to see and download."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "statements/admin/source_link_panel.html"

        def is_shown(self):
            return self.instance.pk is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            link = source_link(self.request, self.instance)
            context.update(
                link=link,
                qr=segno.make(link, error=QR_ERROR_LEVEL, micro=False).svg_inline(scale=4, title=f"QR code for {link}"),
                svg_url=reverse("statements_source_qr", args=[self.instance.pk, "svg"]),
                png_url=reverse("statements_source_qr", args=[self.instance.pk, "png"]),
            )
            return context


class SourceLinkColumn(Column):
    cell_template_name = "statements/admin/source_link_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["link"] = source_link(context["request"], instance)
        return context


class NamedSourceViewSet(SnippetViewSet):
    model = NamedSource
    icon = "link"
    menu_label = "Sources"
    menu_name = "named-sources"
    menu_order = 203
    add_to_admin_menu = True
    list_display = ["name", "code", "kind", SourceLinkColumn("link", label="Link to share")]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    edit_handler = ObjectList(
        [
            HelpPanel(
                "<p>A source is a code that links, QR codes, posters, stalls and partners’ websites carry "
                "(<code>?src=code</code>). The dashboard counts the confirmed signatures that came through each, "
                "by its name. Signers’ own share links are counted together as “Shared by signers”.</p>"
            ),
            FieldPanel("name"),
            FieldPanel("code"),
            FieldPanel("kind"),
            FieldPanel(
                "frame_origins",
                help_text=(
                    "Only for a partner’s website that shows the sign form in a frame: its address, one per line, "
                    "for example https://leedstuc.example.org. Leave empty otherwise."
                ),
            ),
            SourceLinkPanel(heading="Link and QR code"),
        ],
        base_form_class=NamedSourceForm,
    )


@permission_required(VIEW_SOURCE_PERMISSION, raise_exception=True)
def source_qr(request, pk, kind):
    """A source's QR code as a download: SVG for print, PNG for everything else."""
    if kind not in ("svg", "png"):
        raise Http404("QR codes come as SVG or PNG.")
    source = get_object_or_404(NamedSource, pk=pk)
    link = source_link(request, source)
    buffer = io.BytesIO()
    options = {"kind": "svg", "scale": 8, "title": f"QR code for {link}"} if kind == "svg" else {"kind": "png"}
    segno.make(link, error=QR_ERROR_LEVEL, micro=False).save(buffer, border=4, **{"scale": 10, **options})
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml" if kind == "svg" else "image/png")
    response["Content-Disposition"] = f'attachment; filename="qr-code-{source.code}.{kind}"'
    return response


def admin_urls():
    return [path("statements/sources/qr/<int:pk>.<str:kind>", source_qr, name="statements_source_qr")]
