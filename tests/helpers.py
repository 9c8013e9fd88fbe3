"""What the tests share: running a page through AppTest and reading what it shows, parsing the
HTML tables, colour contrast, and opening the atlas in Chromium and reading its address."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Browser, BrowserContext, Frame, Page
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


# A first read of a generated corpus puts every sentence through the sentence encoder: minutes on
# a busy 2-core machine. A wait, not a measure (speed is in bench/).
FIRST_READ_MS = 300_000


PHONE = {"width": 390, "height": 844}
PHONE_CONTEXT = dict(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)


@contextmanager
def new_page(browser, **context_options) -> Iterator[Page]:
    """A page in a browser context of its own (a fresh reader: no cookies, no session), closed after."""
    context = browser.new_context(**context_options)
    try:
        yield context.new_page()
    finally:
        context.close()


def open_atlas(page: Page, url: str, first_wait_ms: float = WAIT_MS) -> Frame:
    """Open the page and wait until Leaflet has drawn the six countries; return the map's frame.
    `first_wait_ms`: how long the map may take to appear (longer when the corpus is read first)."""
    page.goto(url)
    frame = page.wait_for_selector(MAP_IFRAME, timeout=first_wait_ms).content_frame()
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


# --- the map's script and its standalone file ---

def atlas_calls(script: str, function: str) -> list:
    """The data of every `atlas.<function>(…, data);` call in a map's generated script, decoded:
    what Python hands the map's JavaScript (geo/script.py), read back as the browser reads it."""
    found = []
    for call in re.finditer(rf"atlas\.{function}\((?:[\w]+, )+", script):
        found.append(json.JSONDecoder().raw_decode(script, call.end())[0])
    return found


SIX_COUNTRIES = "document.querySelectorAll('path.leaflet-interactive').length >= 6"


def offline_context(browser: Browser) -> tuple[BrowserContext, list[str]]:
    """A fresh context where only file:// loads; every other request is recorded and refused."""
    context = browser.new_context()
    refused: list[str] = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith("file://"):
            request_route.continue_()
        else:
            refused.append(url)
            request_route.abort()

    context.route("**/*", route)
    return context, refused


def open_offline(context: BrowserContext, path: Path) -> tuple[Page, list[str]]:
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_function(SIX_COUNTRIES, timeout=WAIT_MS)
    return page, dialogs
