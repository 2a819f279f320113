"""The checks themselves: axe-core, the Nu HTML Checker, focus, and filling in forms.

Each returns plain data and has a `format_*` partner that turns problems into
a message a person can act on, so a failing assertion says what is wrong,
where, and how to read more.
"""

import json
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

VIEWPORTS = {
    "phone": {"width": 375, "height": 812},
    "desktop": {"width": 1280, "height": 800},
}

# WCAG 2.2 AA and everything below it.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

_AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
  });
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({target: n.target.join(" "), html: n.html, summary: n.failureSummary})),
  }));
}"""


def run_axe(page):
    """Inject axe-core (from node_modules, never a CDN) and return its WCAG 2.2 AA violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(_AXE_RUN, AXE_TAGS)


def format_violations(violations, where=""):
    lines = [f"{len(violations)} accessibility violation(s){' on ' + where if where else ''}:"]
    for violation in violations:
        lines.append(f"- [{violation['impact']}] {violation['id']}: {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"][:10]:
            lines.append(f"    at {node['target']}: {node['html'][:200]}")
            for detail in (node["summary"] or "").splitlines():
                lines.append(f"      {detail}")
    return "\n".join(lines)


def run_vnu(documents):
    """Check {name: html} with one Java start (it dominates the time); return {name: [errors]}.

    Warnings are left out: only what the checker calls an error fails a test.
    """
    with tempfile.TemporaryDirectory(prefix="vnu-") as folder:
        paths = {}
        for name, html in documents.items():
            path = Path(folder) / f"{name}.html"
            path.write_bytes(html if isinstance(html, bytes) else html.encode())
            paths[path.resolve().as_uri()] = name
        result = subprocess.run(
            ["java", "-jar", str(VNU_JAR), "--format", "json", "--stdout", *sorted(paths)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError) as error:
        raise AssertionError(f"The HTML checker failed: {result.stderr or result.stdout}") from error
    errors = {name: [] for name in documents}
    for message in messages:
        if message.get("type") in {"error", "non-document-error"}:
            name = paths.get(message.get("url"), message.get("url", "?"))
            errors.setdefault(name, []).append(message)
    return {name: found for name, found in errors.items() if found}


def format_html_errors(errors):
    lines = []
    for name, messages in errors.items():
        lines.append(f"{name}: {len(messages)} HTML error(s)")
        for message in messages:
            lines.append(f"  line {message.get('lastLine', '?')}: {message.get('message')}")
            if message.get("extract"):
                lines.append(f"    {message['extract'].strip()}")
    return "\n".join(lines)


_FOCUSED = """(formSelector) => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const form = formSelector ? document.querySelector(formSelector) : null;
  const tag = el.tagName.toLowerCase();
  const type = (el.getAttribute("type") || "").toLowerCase();
  return {
    tag, type, id: el.id, name: el.getAttribute("name"), value: el.value, checked: !!el.checked,
    classes: el.className || "",
    label: (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 60),
    inForm: !!(form && form.contains(el)),
    isSubmit: (tag === "button" && (type === "" || type === "submit"))
      || (tag === "input" && type === "submit"),
    outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) || 0,
    boxShadow: style.boxShadow,
    top: box.top, bottom: box.bottom, left: box.left, right: box.right,
    width: box.width, height: box.height,
    viewportWidth: window.innerWidth, viewportHeight: window.innerHeight,
  };
}"""


def focused(page, form=None):
    """What has keyboard focus, with its focus style and position; None when nothing does."""
    return page.evaluate(_FOCUSED, form)


def describe(element):
    name = element["id"] or element["name"] or element["label"] or element["classes"]
    return f"<{element['tag']}> {name!r}"


def focus_problems(element):
    """Why a focused element fails WCAG 2.4.7 (focus visible) / 2.4.11 (not hidden); [] if it passes.

    A visible outline of 2px or more, the browser's own focus ring (style
    "auto"), or a box-shadow counts as an indicator.
    """
    problems = []
    outline = element["outlineStyle"] == "auto" or (element["outlineStyle"] != "none" and element["outlineWidth"] >= 2)
    if not outline and element["boxShadow"] in ("", "none"):
        problems.append("shows no focus indicator")
    on_screen = (
        element["width"] > 0
        and element["height"] > 0
        and element["bottom"] > 0
        and element["right"] > 0
        and element["top"] < element["viewportHeight"]
        and element["left"] < element["viewportWidth"]
    )
    if not on_screen:
        problems.append("is off screen or has no size while focused")
    return problems


def sideways_overflow(page):
    """How many pixels the page is wider than the window (WCAG 1.4.10 wants none)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def tab_stops(page, limit=80):
    """Press Tab from the top of the page until focus leaves it or comes round again."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if element is None:
            break
        key = (element["tag"], element["id"], element["name"], element["label"], element["top"])
        if stops and key == stops[0][0]:
            break
        stops.append((key, element))
    return [element for _, element in stops]


def fill_form(page, form_selector, data):
    """Fill in a form the way a mouse-and-keyboard visitor does, field by field."""
    form = page.locator(form_selector)
    for name, value in data.items():
        field = form.locator(f'[name="{name}"]')
        first = field.first
        kind = (first.get_attribute("type") or first.evaluate("e => e.tagName")).lower()
        if kind == "checkbox":
            first.set_checked(bool(value))
        elif kind == "radio":
            form.locator(f'[name="{name}"][value="{value}"]').check()
        elif kind == "select":
            first.select_option(str(value))
        else:
            first.fill(str(value))


def submit_button(page, form_selector):
    return page.locator(form_selector).locator("button[type=submit], input[type=submit], button:not([type])").first


def submit_invalid(page, form_check):
    """Bring a form to its error state: the server's validation, not the browser's.

    `form.submit()` skips the browser's own checks of required fields, as an
    old browser or a mistyped address does, so the page the server sends back
    (error summary, messages by the fields) is what gets checked. Returns the
    response, whose body is the HTML exactly as the server sent it.
    """
    page.goto(form_check.path)
    fill_form(page, form_check.form, form_check.invalid)
    with page.expect_navigation() as navigation:
        page.locator(form_check.form).evaluate("form => HTMLFormElement.prototype.submit.call(form)")
    return navigation.value


def complete_with_keyboard(page, form_check, limit=120):
    """Tab through the page from the top and fill in the form with keys alone, then press Enter."""
    remaining = dict(form_check.valid)
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page, form_check.form)
        if element is None or not element["inForm"]:
            continue
        name = element["name"]
        if name in remaining:
            value = remaining.pop(name)
            if element["type"] == "checkbox":
                if bool(value) != element["checked"]:
                    page.keyboard.press("Space")
            elif element["type"] == "radio":
                _choose_with_arrows(page, form_check.form, str(value), "Space")
            elif element["tag"] == "select":
                page.keyboard.press("Home")
                _choose_with_arrows(page, form_check.form, str(value), None)
            else:
                page.keyboard.type(str(value))
        elif element["isSubmit"] and not remaining:
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return
    raise AssertionError(f"Tabbing through the page never reached these fields and then submit: {remaining}")


def _choose_with_arrows(page, form_selector, value, select_key):
    for _ in range(30):
        element = focused(page, form_selector)
        if element["value"] == value:
            if select_key:
                page.keyboard.press(select_key)
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"The arrow keys never reached the choice {value!r}")


def sign_in_to_admin(page, username, password):
    """Sign in on the admin's own sign-in screen, as a person does, and wait until the admin has opened."""
    from playwright.sync_api import expect

    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert "/admin/login/" not in page.url, f"{username} could not sign in"
