"""The whole map view in the address (issue 14), in Chromium against `streamlit run serve.py`:
zoom with the button, pan by dragging, tick a layer; the address follows with no message to the
server; a fresh browser opening that address shows the same zoom, centre and layers."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page

from tests.helpers import MAP_IFRAME, WAIT_MS, open_atlas

pytestmark = pytest.mark.browser

MAP_HASH = re.compile(r"#map=([0-9.]+)/(-?[0-9.]+)/(-?[0-9.]+)$")


def map_view(frame) -> dict:
    """The Leaflet map's own zoom, centre and ticked theme layers (read from its layer control)."""
    return frame.evaluate("""() => {
        const c = window.map.getCenter();
        const ticked = Array.from(document.querySelectorAll('.leaflet-control-layers-overlays label'))
            .filter(l => l.querySelector('input').checked).map(l => l.textContent.trim())
            .filter(text => text.includes(' · '));  // the theme layers ("TR · Smooth trade")
        return {zoom: window.map.getZoom(), lat: c.lat, lon: c.lng, ticked: ticked};
    }""")


def degrees_per_pixel(zoom: float) -> float:
    return 360 / (256 * 2 ** zoom)


def address(page: Page) -> str:
    return page.evaluate("window.location.href")


def sent_frames(page: Page) -> list[str]:
    """Every websocket frame the page sends from now on (Streamlit's only way to rerun)."""
    frames: list[str] = []
    page.on("websocket", lambda socket: socket.on("framesent", lambda payload: frames.append(payload)))
    return frames


def test_zoom_pan_and_layers_travel_in_the_address(page: Page, atlas_server, browser):
    page.set_viewport_size({"width": 1280, "height": 900})
    frames = sent_frames(page)
    frame = open_atlas(page, atlas_server.url + "/?place=astana")
    page.wait_for_function("() => window.atlasMapView !== undefined", timeout=WAIT_MS)
    before = map_view(frame)
    settled = len(frames)

    frame.locator(".leaflet-control-zoom-in").click()  # zoom with the button
    page.wait_for_function("() => window.location.hash.startsWith('#map=')", timeout=WAIT_MS)
    assert map_view(frame)["zoom"] > before["zoom"]

    box = page.locator(MAP_IFRAME).bounding_box()  # pan by dragging
    start = (box["x"] + box["width"] * 0.55, box["y"] + box["height"] * 0.55)
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(start[0] - 160, start[1] - 90, steps=12)
    page.mouse.up()
    # the address follows the map once it has come to rest (a drag may glide on after the mouse is up)
    page.wait_for_function("(selector) => { const map = document.querySelector(selector).contentWindow.map;"
                           " const c = map.getCenter();"
                           " const m = /#map=[0-9.]+\\/(-?[0-9.]+)\\/(-?[0-9.]+)/.exec(location.hash);"
                           " return m && Math.abs(m[1] - c.lat) < 0.01 && Math.abs(m[2] - c.lng) < 0.01; }",
                           arg=MAP_IFRAME, timeout=WAIT_MS)
    dragged = map_view(frame)
    assert dragged["lon"] > before["lon"] + 1  # dragged left: the view moved east

    frame.locator(".leaflet-control-layers").hover()  # tick a layer in the map's layer control
    label = frame.locator(".leaflet-control-layers-overlays label", has_text="Smooth trade")
    label.locator("input").check()
    page.wait_for_function("() => new URLSearchParams(location.search).get('layers') === 'trade'", timeout=WAIT_MS)
    page.mouse.move(5, 5)  # off the control: it folds

    assert frames[settled:] == [], "panning, zooming or ticking sent a message to the server"
    shared = address(page)
    assert parse_qs(urlsplit(shared).query) == {"place": ["astana"], "layers": ["trade"]}
    seen = map_view(frame)
    # the link box offers the same address
    field = page.locator(".atlas-copy input").first
    assert field.input_value() == shared

    fresh = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        other = fresh.new_page()
        reopened = open_atlas(other, shared)
        other.wait_for_function("() => window.atlasMapView !== undefined", timeout=WAIT_MS)
        view = map_view(reopened)
        assert view["zoom"] == seen["zoom"]
        tolerance = 2 * degrees_per_pixel(view["zoom"])
        assert abs(view["lat"] - seen["lat"]) < tolerance and abs(view["lon"] - seen["lon"]) < tolerance
        assert view["ticked"] == seen["ticked"] and len(view["ticked"]) == 1
        assert reopened.locator(".atlas-theme-trade").count() > 0  # its badges are drawn
    finally:
        fresh.close()


def test_a_click_keeps_the_maps_part_of_the_address(page: Page, atlas_server):
    frame = open_atlas(page, atlas_server.url + "/?layers=connectivity#map=5/44/72")
    page.wait_for_function("() => window.atlasMapView !== undefined", timeout=WAIT_MS)
    assert map_view(frame)["zoom"] == 5
    point = frame.evaluate("window.map.latLngToContainerPoint([46.5, 72.5])")
    frame.locator(".leaflet-container").click(position={"x": point["x"], "y": point["y"]})
    page.wait_for_function("() => new URLSearchParams(location.search).get('country') === 'KAZ'", timeout=WAIT_MS)
    query = parse_qs(urlsplit(address(page)).query)
    assert query["layers"] == ["connectivity"]
    zoom, lat, lon = MAP_HASH.search(address(page)).groups()
    assert float(zoom) == 5 and abs(float(lat) - 44) < 0.1 and abs(float(lon) - 72) < 0.1


@pytest.mark.parametrize("fragment", ["#map=banana", "#map=99/40/80", "#map=5/95/80", "#map=5/40"])
def test_a_bad_map_address_falls_back_with_a_message(page: Page, atlas_server, fragment):
    default = map_view(open_atlas(page, atlas_server.url + "/"))
    frame = open_atlas(page, atlas_server.url + "/?layers=trade,nope" + fragment)
    notice = frame.locator(".atlas-address-notice")
    notice.first.wait_for(timeout=WAIT_MS)
    texts = " ".join(notice.all_inner_texts())
    assert "nope" in texts and fragment.split("=", 1)[1] in texts
    view = map_view(frame)
    assert view["zoom"] == default["zoom"]
    assert len(view["ticked"]) == 1 and "Smooth trade" in view["ticked"][0]
    page.wait_for_function("() => !location.hash && new URLSearchParams(location.search).get('layers') === 'trade'",
                           timeout=WAIT_MS)
