"""The phone layout and the map's furniture (issue 14), in Chromium against `streamlit run
serve.py`: the map near the top of a 390 × 844 screen, a tap that brings the panel's heading into
view by itself, capitals named, a legend that folds and never covers a marker or a popup, and
badges side by side when every theme is ticked. Screenshots go to test-results/."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import ROOT
from tests.helpers import MAP_IFRAME, PHONE, PHONE_CONTEXT, WAIT_MS, heading, new_page, open_atlas, wait_for_url_param

pytestmark = pytest.mark.browser

SHOTS = ROOT / "test-results"
EVERY_THEME = ("trade,investment,connectivity,green-mining,agriculture,exchanges,poverty-reduction,"
               "desertification,digital-economy,peace-stability,belt-and-road")

OVERLAPS = """(selector) => {
    const legend = document.querySelector('.atlas-legend:not(.atlas-address-notice)').getBoundingClientRect();
    return Array.from(document.querySelectorAll(selector)).filter(e => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && e.style.opacity !== '0' && r.left < legend.right && legend.left < r.right
            && r.top < legend.bottom && legend.top < r.bottom;
    }).length;
}"""
MARKERS = ".leaflet-marker-icon.atlas-marker, .leaflet-marker-icon.atlas-theme, .leaflet-popup"


def test_on_a_phone_the_map_is_near_the_top_and_a_tap_shows_the_panel(browser, atlas_server):
    with new_page(browser, **PHONE_CONTEXT) as page:
        frame = open_atlas(page, atlas_server.url)
        map_box = page.locator(MAP_IFRAME).bounding_box()
        assert map_box["y"] < PHONE["height"] / 3  # the map is on the first screen, most of it
        assert map_box["y"] + map_box["height"] < PHONE["height"]
        # the capitals are named at a phone's zoom
        names = frame.locator(".atlas-capital + .atlas-name")
        assert names.count() >= 4
        for number in range(names.count()):
            expect(names.nth(number)).to_be_visible()
        # the legend starts folded to its button, opens on a tap
        toggle = frame.locator(".atlas-legend-toggle")
        expect(toggle).to_have_attribute("aria-expanded", "false")
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / "issue14-phone-map.png"))
        toggle.tap()
        expect(toggle).to_have_attribute("aria-expanded", "true")
        expect(frame.locator(".atlas-legend-body")).to_be_visible()
        page.screenshot(path=str(SHOTS / "issue14-phone-legend.png"))

        frame.locator(".leaflet-marker-icon[title='Astana']").tap()
        wait_for_url_param(page, "place", "astana")
        panel = heading(page, "★ Astana")
        expect(panel).to_be_in_viewport(timeout=WAIT_MS)  # brought there by the page, not by the test
        page.wait_for_function("() => { const r = document.querySelector('.atlas-panel-anchor').closest("
                               "'[data-testid=stElementContainer]').getBoundingClientRect();"
                               " return r.top >= 0 && r.top < 200; }", timeout=WAIT_MS)
        page.screenshot(path=str(SHOTS / "issue14-phone-panel.png"))


def test_the_legend_folds_over_a_marker_and_a_popup(page: Page, atlas_server):
    page.set_viewport_size({"width": 1280, "height": 900})
    frame = open_atlas(page, atlas_server.url + "/?layers=trade")
    toggle = frame.locator(".atlas-legend-toggle")
    expect(toggle).to_have_attribute("aria-expanded", "true")  # open on a wide screen
    assert frame.evaluate(OVERLAPS, MARKERS) == 0
    # bring Astana under the legend: it folds
    frame.evaluate("""() => {
        const legend = document.querySelector('.atlas-legend').getBoundingClientRect();
        const frame = window.map.getContainer().getBoundingClientRect();
        const target = L.point(legend.left + legend.width / 2 - frame.left, legend.top + legend.height / 2 - frame.top);
        const astana = window.map.latLngToContainerPoint([51.18, 71.45]);
        window.map.panBy(astana.subtract(target), {animate: false});
    }""")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    assert frame.evaluate(OVERLAPS, MARKERS) == 0
    # back where it was, it opens again; a badge's popup under it folds it too
    frame.evaluate("window.map.setView([44, 75], 4.5, {animate: false})")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    frame.evaluate("""() => {
        let badge = null;
        window.map.eachLayer(l => { if (!badge && l.getPopup && l.getPopup() && l._icon
                                         && l._icon.classList.contains('atlas-theme')) { badge = l; } });
        const legend = document.querySelector('.atlas-legend').getBoundingClientRect();
        const frame = window.map.getContainer().getBoundingClientRect();
        const under = window.map.containerPointToLatLng(L.point(legend.right - frame.left + 20,
                                                                legend.bottom - frame.top + 60));
        badge.getPopup().options.autoPan = false;
        badge.getPopup().setLatLng(under).openOn(window.map);
    }""")
    frame.locator(".leaflet-popup").wait_for(timeout=WAIT_MS)
    expect(toggle).to_have_attribute("aria-expanded", "false")
    overlapping = frame.evaluate(OVERLAPS, ".leaflet-popup")
    hidden = frame.evaluate("getComputedStyle(document.querySelector('.atlas-legend')).visibility") == "hidden"
    assert overlapping == 0 or hidden  # folded clear of the popup, or out of the way altogether


def test_every_theme_ticked_every_badge_apart_and_reachable(page: Page, atlas_server):
    page.set_viewport_size({"width": 1280, "height": 900})
    frame = open_atlas(page, atlas_server.url + f"/?layers={EVERY_THEME}#map=4.5/44/70")
    frame.locator(".atlas-theme").first.wait_for(timeout=WAIT_MS)
    page.wait_for_function("() => window.atlasMapView && window.atlasMapView().layers.length === 11", timeout=WAIT_MS)
    report = frame.evaluate("""() => {
        const frame = window.map.getContainer().getBoundingClientRect();
        const boxes = Array.from(document.querySelectorAll('.leaflet-marker-icon.atlas-theme'))
            .map(e => ({e: e, r: e.getBoundingClientRect()}))
            .filter(b => b.r.left >= frame.left && b.r.right <= frame.right && b.r.top >= frame.top
                         && b.r.bottom <= frame.bottom);
        let overlapping = 0, unreachable = 0;
        boxes.forEach((a, i) => {
            boxes.slice(i + 1).forEach(b => {
                if (a.r.left < b.r.right - 1 && b.r.left < a.r.right - 1 && a.r.top < b.r.bottom - 1
                    && b.r.top < a.r.bottom - 1) { overlapping += 1; }
            });
            const hit = document.elementFromPoint(a.r.left + a.r.width / 2, a.r.top + a.r.height / 2);
            if (!hit || !a.e.contains(hit)) { unreachable += 1; }
        });
        return {badges: boxes.length, overlapping: overlapping, unreachable: unreachable};
    }""")
    assert report["badges"] >= 30 and report["overlapping"] == 0 and report["unreachable"] == 0, report
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "issue14-every-theme.png"))
