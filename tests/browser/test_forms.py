"""Every public form, as people meet it: errors announced and linked, keyboard only, no JavaScript.

Parametrized over FORMS in pages.py: a feature's form is checked by adding it there.
"""

import pytest

from .checks import complete_with_keyboard, fill_form, format_violations, submit_button, submit_invalid
from .pages import each_form

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect


@pytest.mark.parametrize("form", each_form(), ids=str)
def test_form_error_state_has_no_accessibility_violations(page, axe, form):
    submit_invalid(page, form)

    violations = axe(page)

    assert not violations, format_violations(violations, f"{form.path} with errors ({form.name})")


@pytest.mark.parametrize("page", ["desktop"], indirect=True)
@pytest.mark.parametrize("form", each_form(), ids=str)
def test_errors_are_announced_and_each_links_to_its_field(page, form):
    """WCAG 3.3.1: the summary is announced (role=alert), each error link focuses its
    field, and the field's own description (aria-describedby) carries the message."""
    submit_invalid(page, form)

    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    assert summary.get_attribute("role") == "alert"
    links = summary.locator("a[href^='#']")
    assert links.count() > 0, "The error summary links to no field"
    for index in range(links.count()):
        link = links.nth(index)
        target = link.get_attribute("href")[1:]
        message = link.inner_text().split(": ", 1)[-1]
        described = page.evaluate(
            """(id) => {
              const field = document.getElementById(id);
              if (!field) return null;
              const holder = field.closest("fieldset[aria-describedby]") || field;
              return (holder.getAttribute("aria-describedby") || "").split(/\\s+/)
                .map((ref) => document.getElementById(ref)).filter(Boolean)
                .map((el) => el.textContent.trim()).join(" ");
            }""",
            target,
        )
        assert described is not None, f"The error link {target!r} points at nothing"
        assert message in described, f"Field {target!r} is not described by its error {message!r}"

        link.click()

        focused_id = page.evaluate("document.activeElement.id")
        assert focused_id == target, f"The error link did not focus {target!r}"


@pytest.mark.parametrize("form", each_form(), ids=str)
def test_form_can_be_completed_with_the_keyboard_only(page, form):
    page.goto(form.path)

    complete_with_keyboard(page, form)

    expect(page.locator("main")).to_contain_text(form.success_text)


@pytest.mark.parametrize("form", each_form(), ids=str)
def test_form_works_without_javascript(no_js_page, form):
    no_js_page.goto(form.path)
    fill_form(no_js_page, form.form, form.valid)

    with no_js_page.expect_navigation():
        submit_button(no_js_page, form.form).click()

    expect(no_js_page.locator("main")).to_contain_text(form.success_text)
