"""Templates keep the layering Python keeps: only home's own templates may use what `home` defines.

The page frames (base.html, the stall's) are extended by every app's pages,
so if they loaded home's template tags or read `settings.home.SiteSettings`,
no feature page could render without `home`.
"""

import re
from pathlib import Path

from django.conf import settings
from django.template import engines

LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")


def templates_outside_home():
    root = Path(settings.BASE_DIR) / "templates"
    return [path for path in root.rglob("*.html") if path.relative_to(root).parts[0] != "home"]


def test_every_page_frame_is_found():
    names = {path.name for path in templates_outside_home()}
    assert {"base.html", "base_stall.html", "sign_form.html"} <= names


def test_templates_outside_home_read_no_setting_of_home():
    readers = [str(path) for path in templates_outside_home() if "settings.home." in path.read_text()]
    assert readers == []


def test_templates_outside_home_load_no_tags_of_home():
    libraries = engines["django"].engine.libraries  # {name: module path}
    homes = {name for name, module in libraries.items() if module.startswith("home.")}
    loading = [
        (str(path), name)
        for path in templates_outside_home()
        for names in LOAD.findall(path.read_text())
        for name in names.split()
        if name in homes
    ]
    assert loading == []
