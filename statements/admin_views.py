"""The admin page for importing paper signatures."""

from django import forms
from django.contrib.auth.decorators import permission_required
from django.template.response import TemplateResponse

from .imports import UnreadableFile, import_signatures
from .models import Signature, StatementPage
from .permissions import EMAIL_PERMISSION, IMPORT_PERMISSION

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class ImportForm(forms.Form):
    page = forms.ModelChoiceField(queryset=StatementPage.objects.all(), label="Statement")
    source = forms.ChoiceField(
        choices=[(Signature.Source.PAPER, "Paper sheets"), (Signature.Source.IMPORT, "Another list")],
        initial=Signature.Source.PAPER,
    )
    file = forms.FileField(
        label="CSV file",
        help_text=(
            "Columns: name (required), organisation, role, town, email, kind (person or organisation), "
            "public (yes or no). The first line names the columns."
        ),
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file is too big: at most 5 MB, please.")
        return uploaded


@permission_required(IMPORT_PERMISSION, raise_exception=True)
def import_paper_signatures(request):
    report = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            imported = import_signatures(
                form.cleaned_data["page"], form.cleaned_data["file"], form.cleaned_data["source"]
            )
        except UnreadableFile as problem:
            form.add_error("file", str(problem))
        else:
            report = imported.as_seen(reveal_signers=request.user.has_perm(EMAIL_PERMISSION))
    return TemplateResponse(request, "statements/admin/import.html", {"form": form, "report": report})
