"""The map's own JavaScript (static/atlas/*.js): every file parses, every file is loaded from the
one asset list, and none of it turns text into HTML."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess

import pytest

from geo.assets import ASSETS, ATLAS_SCRIPTS, MAP_JS, STATIC_DIR
from tests.conftest import ROOT

SCRIPTS = sorted((STATIC_DIR / "atlas").glob("*.js"))
# Ways a string becomes HTML in the browser. Leaflet's bindPopup/bindTooltip/divIcon parse a string
# as HTML too: the atlas passes them elements (atlas.el), so no string literal or concatenation.
HTML_SINKS = re.compile(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\.html\(|"
                        r"bind(?:Popup|Tooltip)\(\s*[\"'+]|html:\s*[^\"\s]|html:\s*\"[^\"]")


def node() -> str:
    path = shutil.which("node")
    if path is None:
        pytest.fail("node is needed to parse static/atlas/*.js: `apt-get install -y nodejs` (.ci/run does it)")
    return path


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_every_atlas_script_parses(script):
    result = subprocess.run([node(), "--check", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_parse_check_can_fail(tmp_path):
    broken = tmp_path / "broken.js"
    broken.write_text("atlas.legend = function (map {", encoding="utf-8")
    assert subprocess.run([node(), "--check", str(broken)], capture_output=True).returncode != 0


def test_every_atlas_script_is_loaded_from_the_one_asset_list():
    assert [f"atlas/{path.name}" for path in SCRIPTS] == sorted(ATLAS_SCRIPTS)
    assert ATLAS_SCRIPTS[0] == "atlas/atlas.js"  # the namespace and its text helpers come first
    assert [url for _, url in MAP_JS] == [f"../../app/static/{name}" for name in ASSETS if name.endswith(".js")]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_no_atlas_script_writes_text_as_html(script):
    code = "\n".join(line for line in script.read_text(encoding="utf-8").splitlines()
                     if not line.lstrip().startswith(("*", "/*", "//")))  # comments may name the sinks
    assert not HTML_SINKS.findall(code)


def test_the_html_check_catches_a_popup_joined_from_strings():
    assert HTML_SINKS.search('marker.bindPopup("<b>" + b.heading + "</b>")')
    assert HTML_SINKS.search("div.innerHTML = data.html;")
    assert HTML_SINKS.search("L.divIcon({html: m.html})")
    assert not HTML_SINKS.search('L.divIcon({html: ""})')


def test_geo_escapes_html_in_one_function_only():
    """Text from articles reaches the browser as JSON data; the few labels folium or Leaflet
    write as HTML themselves pass through geo.script.html_text, the one escape in geo/."""
    escaping = {}
    for path in sorted((ROOT / "geo").glob("*.py")):
        for node_ in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node_, ast.ImportFrom) and node_.module == "html" or (
                    isinstance(node_, ast.Import) and any(alias.name == "html" for alias in node_.names)):
                escaping[path.name] = escaping.get(path.name, 0) + 1
    assert escaping == {"script.py": 1}
