"""The three patches of code the atlas does not own (static/atlas/patches.js), each checked in
Chromium against the vendored Leaflet, on the standalone map file (no server needed):
`atlas.quiet` (a badge answers a click with its popup only, deaf to st_folium's click handler),
`atlas.holdFrameHeight` (st_folium's requests for the frame's height held to a phone's) and
`atlas.noOpeningReport` (st_folium's opening state is not reported as a change; against the
real st_folium in tests/test_browser.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from geo.export import standalone_html
from present.view import View
from tests.helpers import SIX_COUNTRIES
from ui.data import atlas_base_map, atlas_selection

pytestmark = pytest.mark.browser
# What st_folium does after every rerun: its click handler bound to every layer of the map.
BIND_LIKE_ST_FOLIUM = """() => {
    window.heard = [];
    window.onLayerClick = (e) => window.heard.push(e.sourceTarget.options.title || "a group or a shape");
    for (const key in map_0000._layers) {
        const layer = map_0000._layers[key];
        if (!layer || typeof layer.on !== "function") continue;
        layer.off("click", onLayerClick);
        layer.on("click", onLayerClick);
    }
}"""
# A stand-in for the Streamlit object st_folium's frontend exposes; it records every height asked.
FAKE_STREAMLIT = "window.Streamlit = {asked: [], setFrameHeight(height) { this.asked.push(height); }};"


@pytest.fixture(scope="module")
def map_file(seed_index, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("patches") / "trade.html"
    path.write_text(standalone_html(atlas_base_map(seed_index, "en", None),
                                    atlas_selection(seed_index, View(theme="trade")), title="t"), encoding="utf-8")
    return path


def test_a_quiet_badge_opens_its_popup_and_tells_st_folium_nothing(browser: Browser, map_file):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(map_file.as_uri())
        page.wait_for_function(SIX_COUNTRIES)
        page.evaluate(BIND_LIKE_ST_FOLIUM)
        page.locator(".atlas-theme-trade").first.click()
        expect(page.locator(".leaflet-popup-content")).to_contain_text("premier partenaire commercial")
        assert page.evaluate("window.heard") == []  # neither the badge nor its group heard it
        page.locator(".leaflet-popup-close-button").click()
        # the same handler on a place marker (not quiet) does hear its click: the check can fail
        page.locator(".leaflet-marker-icon[title='Astana']").click()
        page.wait_for_function("window.heard.includes('Astana')")
    finally:
        page.close()


@pytest.mark.parametrize("width, held", [(390, True), (1280, False)])
def test_a_phone_sized_map_holds_st_folium_to_its_height(browser: Browser, map_file, width, held):
    context = browser.new_context(viewport={"width": width, "height": 844})
    try:
        page = context.new_page()
        page.add_init_script(FAKE_STREAMLIT)
        page.goto(map_file.as_uri())
        page.wait_for_function(SIX_COUNTRIES)
        height = page.evaluate("map_0000.getSize().y")
        page.evaluate("Streamlit.setFrameHeight(560)")  # as st_folium asks after a rerun
        asked = page.evaluate("Streamlit.asked")
        if held:
            assert 320 <= height <= 460 and asked == [height, height]
        else:
            assert asked == [560] and height > 460  # a desktop map is left as st_folium sizes it
    finally:
        context.close()


# st_folium's state as its frontend starts it: the default from Python (count null), its own count 0.
FAKE_ST_FOLIUM_STATE = """(clicks) => { window.__GLOBAL_DATA__ = {last_object_clicked_count: clicks,
    previous_data: {last_object_clicked: null, last_object_clicked_count: null}}; }"""


@pytest.mark.parametrize("clicks, quieted", [(0, True), (1, False)])
def test_the_opening_state_is_not_a_change_but_a_click_is(browser: Browser, map_file, clicks, quieted):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(map_file.as_uri())
        page.wait_for_function(SIX_COUNTRIES)
        assert page.evaluate("atlas.noOpeningReport()") is False  # outside st_folium: nothing to do
        page.evaluate(FAKE_ST_FOLIUM_STATE, clicks)
        assert page.evaluate("atlas.noOpeningReport()") is quieted
        expected = 0 if quieted else None  # a click already counted is left to be reported
        assert page.evaluate("window.__GLOBAL_DATA__.previous_data.last_object_clicked_count") == expected
    finally:
        page.close()
