"""Every word the project itself shows is translated: templates, forms, messages (issue #29).

Two checks, file by file, with no GNU gettext needed:
- no English outside translation tags: a template's own text (between tags, and in
  the attributes people read: alt, title, aria-label, placeholder, a button's value)
  and, in Python, the words forms and messages show (a field's label and help text,
  error messages, ValidationError, add_error, django.contrib.messages) must go
  through Django's translation functions. Content (what editors write) reaches a
  template as variables, so it is never counted.
- every translatable string has its Welsh: each {% translate %}, {% blocktranslate %}
  and gettext call's message, looked up in Welsh, comes back changed.
"""

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.template import engines
from django.template.base import Lexer, TokenType
from django.templatetags.i18n import BlockTranslateNode, TranslateNode
from django.utils import translation

ROOT = Path(settings.BASE_DIR)
TEMPLATES = ROOT / "templates"
LANGUAGE = "cy"
# Words that are the same in Welsh and English, or are names (of formats, services, the site's parts).
SAME_IN_WELSH = {"PDF", "CSV", "Word", "QR", "OK", "Facebook", "Bluesky", "WhatsApp", "Mastodon", "Email", "iCal", "UK"}
READ_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "aria-description"}
WORD = re.compile(r"[A-Za-z][A-Za-z’']+")


def template_paths():
    return sorted(
        path for path in TEMPLATES.rglob("*") if path.suffix in {".html", ".txt"} and path.name != "robots.txt"
    )


PYTHON_FOLDERS = ["core", "home", "statements", "campaign"]
# Editors' and organisers' screens (the Wagtail admin, commands) speak the admin's language: not checked here.
# Models and blocks label fields for editors too (choices people see are checked where templates show them).
ADMIN_MODULE = re.compile(
    r"(admin|wagtail_hooks|demo|migrations|management|dashboard|panels|permissions|models|blocks|request_forms|two_factor)"
)


def python_paths():
    for folder in PYTHON_FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if not ADMIN_MODULE.search(str(path.relative_to(ROOT))):
                yield path


class ShownText(HTMLParser):
    """The text of an HTML fragment that people read: its data and readable attributes, never scripts or styles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.shown, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self.hidden += 1
        values = dict(attrs)
        self.shown += [value for name, value in attrs if name in READ_ATTRIBUTES and value]
        if tag == "input" and values.get("type") in {"submit", "button"} and values.get("value"):
            self.shown.append(values["value"])

    def handle_endtag(self, tag):
        if tag in {"script", "style"} and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.shown.append(data)


def own_text(source):
    """A template's own text: its text tokens outside translation blocks and comments, tags and variables as gaps."""
    parts, skipping = [], None
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents else ""
            if skipping:
                if name == skipping:
                    skipping = None
            elif name in {"blocktranslate", "blocktrans"}:
                skipping = f"end{name}"
            elif name == "comment":
                skipping = "endcomment"
            parts.append(" ")
        elif token.token_type == TokenType.TEXT and not skipping:
            parts.append(token.contents)
        else:
            parts.append(" ")
    return "".join(parts)


def english_text(text, is_html=True):
    """The pieces of `text` (a template's own text) that hold English words, each stripped."""
    if is_html:
        parser = ShownText()
        parser.feed(text)
        pieces = parser.shown
    else:
        pieces = text.splitlines()
    return [
        " ".join(piece.split()) for piece in pieces if any(word not in SAME_IN_WELSH for word in WORD.findall(piece))
    ]


def message_context(node):
    """A translate tag's context ("context" "Main"): a constant's is the string itself, a variable's its literal."""
    if not node.message_context:
        return None
    var = node.message_context.var
    return getattr(var, "literal", var)


def template_messages(source):
    """(msgid, context) of every translate and blocktranslate in a template, as Django looks them up."""
    template = engines["django"].from_string(source).template
    found = []

    def walk(nodelist):
        for node in nodelist:
            if isinstance(node, TranslateNode):
                literal = getattr(node.filter_expression.var, "literal", None)
                if isinstance(literal, str):
                    context = message_context(node)
                    found.append((literal, context))
            elif isinstance(node, BlockTranslateNode):
                singular, _ = node.render_token_list(node.singular)
                context = message_context(node)
                found.append((singular, context))
            for attr in getattr(node, "child_nodelists", ()):
                walk(getattr(node, attr, None) or [])

    walk(template.nodelist)
    return found


TRANSLATING = {"gettext", "gettext_lazy", "_", "pgettext", "pgettext_lazy", "ngettext", "ngettext_lazy"}
SHOWN_KEYWORDS = {"label", "help_text"}


def call_name(node):
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def is_words(node):
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(WORD.search(node.value))


def python_findings(source):
    """(untranslated shown strings, translatable messages) of a Python module."""
    untranslated, messages = [], []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = call_name(node)
        if name in TRANSLATING and node.args and isinstance(node.args[0], ast.Constant):
            if name.startswith("pgettext") and len(node.args) > 1 and isinstance(node.args[1], ast.Constant):
                messages.append((node.args[1].value, node.args[0].value))
            else:
                messages.append((node.args[0].value, None))
            continue
        shown = [keyword.value for keyword in node.keywords if keyword.arg in SHOWN_KEYWORDS]
        shown += [
            value
            for keyword in node.keywords
            if keyword.arg == "error_messages" and isinstance(keyword.value, ast.Dict)
            for value in keyword.value.values
        ]
        if name == "ValidationError" and node.args:
            shown.append(node.args[0])
        if name == "add_error" and len(node.args) > 1:
            shown.append(node.args[1])
        if name in {"success", "error", "info", "warning"} and len(node.args) > 1:
            shown.append(node.args[1])
        untranslated += [value.value for value in shown if is_words(value)]
    return untranslated, messages


def missing_welsh(messages):
    with translation.override(LANGUAGE):
        return [
            message
            for message, context in messages
            if message.strip()
            and (translation.pgettext(context, message) if context else translation.gettext(message)) == message
            and WORD.search(message)
        ]


def problems_of(path):
    source = path.read_text()
    if path.suffix == ".py":
        untranslated, messages = python_findings(source)
    else:
        untranslated = english_text(own_text(source), is_html=path.suffix == ".html")
        messages = template_messages(source)
    problems = [f"not marked for translation: {text!r}" for text in untranslated]
    problems += [f"no Welsh for: {message!r}" for message in missing_welsh(messages)]
    return problems


ALL_FILES = [*template_paths(), *python_paths()]


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_word_the_project_shows_has_its_welsh(path):
    problems = problems_of(path)
    assert not problems, "\n".join(problems[:40])


def test_the_checks_find_english_and_accept_welsh():
    """The checker itself: English text and an unknown message are found; translated text passes."""
    shown = own_text('<p title="Read more">Sign\n now</p>{% translate "Sign" %} PDF')
    assert english_text(shown) == ["Read more", "Sign now"]
    assert english_text(own_text("<script>var x = 'words';</script>{{ page.title }}<!-- -->")) == []
    assert template_messages(
        "{% load i18n %}{% blocktranslate trimmed with n=3 %}\n {{ n }} people\n{% endblocktranslate %}"
    ) == [("%(n)s people", None)]
    assert missing_welsh([("A message nobody ever translated, surely", None)])
    untranslated, _ = python_findings(
        'forms.CharField(label="Your name", help_text=_("Fine"))\nraise ValidationError("Bad")'
    )
    assert untranslated == ["Your name", "Bad"]
