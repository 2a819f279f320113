"""Admin for whom statements ask and what came of it: the "Targets and responses" menu (from wagtail_hooks.py).

Targets and each statement's targets are saved as they are; hand-ins and responses are drafted and
published like pages, and the list says which are live. A new hand-in or response starts on the
statement (the only one, or ?statement=<id>), a hand-in with today's count, which the editor may change.
Other apps add buttons to a published hand-in's or response's screen through the
"register_statement_step_buttons" hook (news: "Write an update about this"), so this app imports none.
"""

from django import forms
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet, SnippetViewSetGroup

from .models import Answer, Ask, HandIn, StatementPage, Target

STEP_BUTTONS_HOOK = "register_statement_step_buttons"


def statement_field():
    return FieldPanel("page", heading="Statement", widget=forms.Select)


def target_field(heading=None):
    return FieldPanel("target", heading=heading, widget=forms.Select)


def starting_statement(request):
    """The statement a new record starts on: ?statement=<id>, or the only one there is; else None."""
    statements = StatementPage.objects.all()
    chosen = request.GET.get("statement", "")
    if chosen.isdigit():
        return statements.filter(pk=chosen).first()
    return statements.first() if statements.count() == 1 else None


class StartsOnTheStatement(CreateView):
    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or self.model()
        statement = starting_statement(self.request)
        if statement is not None:
            instance.page = statement
            if isinstance(instance, HandIn):
                instance.signature_count = statement.counts()["total"]
        return instance


class StepEditView(EditView):
    """A hand-in's or response's screen, with the buttons other apps offer for it (a published one)."""

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        for hook in hooks.get_hooks(STEP_BUTTONS_HOOK):
            buttons.extend(hook(self.object, self.request.user))
        return buttons


class TargetViewSet(SnippetViewSet):
    model = Target
    icon = "crosshairs"
    menu_label = "Targets"
    list_display = ["name", "description"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("link")]


class WithStatementAndTarget:
    """Lists name each row's statement and target: read with the rows, not once per row."""

    def get_queryset(self, request):
        return self.model._default_manager.select_related("page", "target")


class AskViewSet(WithStatementAndTarget, SnippetViewSet):
    """Which targets each statement asks, in order (drag to reorder), each from an optional number of signatures."""

    model = Ask
    icon = "list-ol"
    menu_label = "Who each statement asks"
    list_display = ["target", "page", "what_we_ask", "threshold"]
    list_filter = ["page"]
    add_view_class = StartsOnTheStatement
    panels = [statement_field(), target_field(), FieldRowPanel([FieldPanel("what_we_ask"), FieldPanel("threshold")])]


class StepViewSet(WithStatementAndTarget, SnippetViewSet):
    add_view_class = StartsOnTheStatement
    edit_view_class = StepEditView
    list_filter = ["page", "live"]
    copy_view_enabled = False


class HandInViewSet(StepViewSet):
    model = HandIn
    icon = "upload"
    menu_label = "Hand-ins"
    list_display = ["__str__", "place", "signature_count", LiveStatusTagColumn()]
    panels = [
        statement_field(),
        FieldRowPanel([FieldPanel("date"), FieldPanel("signature_count")]),
        FieldPanel("place"),
        FieldPanel("handed_in_by"),
        target_field("Handed to"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading="Photo"),
    ]


class AnswerViewSet(StepViewSet):
    model = Answer
    icon = "openquote"
    menu_label = "Responses"
    list_display = ["__str__", "date", LiveStatusTagColumn()]
    panels = [
        statement_field(),
        FieldPanel("date"),
        MultiFieldPanel([target_field("One of the targets"), FieldPanel("answered_by")], heading="Who answered"),
        MultiFieldPanel(
            [FieldPanel("quote"), FieldPanel("link"), FieldPanel("document")],
            heading="Their answer",
            help_text="A quote, a link or a document: at least one.",
        ),
    ]


class OutcomesGroup(SnippetViewSetGroup):
    menu_label = "Targets and responses"
    menu_icon = "crosshairs"
    menu_order = 205
    items = (TargetViewSet, AskViewSet, HandInViewSet, AnswerViewSet)


register_snippet(OutcomesGroup)
