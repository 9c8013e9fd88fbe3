"""What the tests share: running a page through AppTest and reading what it shows, parsing the
HTML tables, colour contrast, and opening the atlas in Chromium and reading its address."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Frame, Page
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

# --- AppTest ---
TIMEOUT = 60


def run_app(params: dict[str, str] | None = None, page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    if page:
        at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption] + [s.value for s in at.subheader])


def map_component(at: AppTest) -> dict:
    element, = at.get("component_instance")
    return json.loads(element.proto.json_args)


def click(at: AppTest, lat: float, lng: float, count: int) -> AppTest:
    """What st_folium sends when a marker or a polygon is clicked: the map's new value as a widget
    state, as the browser sends it, so the app's on_change runs as it does for a reader.
    (AppTest has no public way to set a component's value: `_tree` and `_run` are its own.)"""
    element, = at.get("component_instance")
    states = at._tree.get_widget_states()
    state = states.widgets.add()
    state.id = element.proto.id
    state.json_value = json.dumps({"last_object_clicked": {"lat": lat, "lng": lng}, "last_object_clicked_count": count})
    at._run(states)
    assert not at.exception, [e.value for e in at.exception]
    return at


def params(at: AppTest) -> dict[str, str]:
    return {k: at.query_params[k][0] if isinstance(at.query_params[k], list) else at.query_params[k]
            for k in at.query_params}


# --- HTML tables and colours ---
def html_of(at) -> str:
    return "".join(element.proto.body for element in at.get("html"))


class Tables(HTMLParser):
    """Captions, header cells and `lang` attributes of the tables in a piece of HTML."""

    def __init__(self, html: str):
        super().__init__()
        self.captions: list[str] = []
        self.headers: list[tuple[str, str]] = []  # (scope, text)
        self.langs: list[str] = []
        self.links: list[str] = []
        self._in: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._in.append((tag, attrs))
        if "lang" in attrs:
            self.langs.append(attrs["lang"])
        if tag == "a":
            self.links.append(attrs["href"])
        if tag == "caption":
            self.captions.append("")
        if tag == "th":
            self.headers.append((attrs.get("scope", ""), ""))

    def handle_endtag(self, tag):
        while self._in and self._in.pop()[0] != tag:
            pass

    def handle_data(self, data):
        tags = [tag for tag, _ in self._in]
        if "caption" in tags:
            self.captions[-1] += data
        if "th" in tags:
            scope, text = self.headers[-1]
            self.headers[-1] = (scope, text + data)


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    colour = colour.lstrip("#")
    r, g, b = (channel(int(colour[i:i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def over(colour: str, alpha: float, background: str) -> str:
    """`colour` at opacity `alpha` over `background`."""
    mix = [round(alpha * int(colour.lstrip("#")[i:i + 2], 16) + (1 - alpha) * int(background.lstrip("#")[i:i + 2], 16))
           for i in (0, 2, 4)]
    return "#" + "".join(f"{c:02x}" for c in mix)


# --- Chromium ---
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'


WAIT_MS = 30_000


def open_atlas(page: Page, url: str) -> Frame:
    """Open the page and wait until Leaflet has drawn the six countries; return the map's frame."""
    page.goto(url)
    frame = page.wait_for_selector(MAP_IFRAME, timeout=WAIT_MS).content_frame()
    frame.wait_for_selector(".leaflet-container", timeout=WAIT_MS)
    frame.wait_for_function("document.querySelectorAll('path.leaflet-interactive').length >= 6", timeout=WAIT_MS)
    return frame


def location(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.evaluate("window.location.href")).query)


def wait_for_url_param(page: Page, name: str, value: str) -> None:
    page.wait_for_function(
        "([n, v]) => new URLSearchParams(window.location.search).get(n) === v", arg=[name, value], timeout=WAIT_MS)


def heading(page: Page, text: str):
    return page.get_by_role("heading", name=text, exact=True)
