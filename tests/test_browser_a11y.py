"""In Chromium: the language switch, the map page on a phone, and the table view by keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import ROOT
from tests.helpers import MAP_IFRAME, PHONE, PHONE_CONTEXT, WAIT_MS, heading, location, new_page, open_atlas, wait_for_url_param

pytestmark = pytest.mark.browser
SHOTS = ROOT / "test-results"
IN_MAP = f"(selector) => document.querySelector('{MAP_IFRAME}').contentDocument.querySelectorAll(selector).length"


def in_map_text(page: Page, text: str) -> None:
    """Wait until the map (whichever iframe is there now: a new language rebuilds it) shows `text`."""
    page.wait_for_function(
        f"(text) => (document.querySelector('{MAP_IFRAME}').contentDocument.body || {{}}).innerText?.includes(text)",
        arg=text, timeout=WAIT_MS)


def test_the_language_switch_changes_the_labels_and_the_url(page: Page, atlas_server):
    open_atlas(page, f"{atlas_server.url}/?place=astana")
    expect(heading(page, "China–Central Asia Summit Atlas")).to_be_visible(timeout=WAIT_MS)
    assert page.title() == "China–Central Asia Summit Atlas"

    page.get_by_text("Français", exact=True).click()
    wait_for_url_param(page, "lang", "fr")
    expect(heading(page, "Atlas des sommets Chine–Asie centrale")).to_be_visible(timeout=WAIT_MS)
    assert location(page) == {"place": ["astana"], "lang": ["fr"]}  # the selection is kept
    expect(page.get_by_text("Capitale — Kazakhstan")).to_be_visible()
    expect(page.get_by_text("Deuxième sommet Chine–Asie centrale, 17 juin 2025")).to_be_visible()
    expect(page.get_by_test_id("stMainBlockContainer").get_by_role("link", name="Chronologie")).to_be_visible()
    page.wait_for_function("document.title === 'Atlas des sommets Chine–Asie centrale'", timeout=WAIT_MS)
    page.wait_for_function("document.documentElement.lang === 'fr'", timeout=WAIT_MS)  # read aloud in French
    in_map_text(page, "Légende")
    in_map_text(page, "KIRGHIZSTAN")  # Babel's French name (the articles' Kirghizistan is recognised too)
    excerpt = page.locator('[data-testid="stMarkdownContainer"] span[lang="fr"]').first
    expect(excerpt).to_be_visible()
    expect(page.locator(".atlas-lang").first).to_have_attribute("title", "français")

    page.get_by_text("English", exact=True).click()
    page.wait_for_function("!new URLSearchParams(window.location.search).has('lang')", timeout=WAIT_MS)
    expect(heading(page, "China–Central Asia Summit Atlas")).to_be_visible(timeout=WAIT_MS)
    assert location(page) == {"place": ["astana"]}
    page.wait_for_function("document.documentElement.lang === 'en'", timeout=WAIT_MS)
    in_map_text(page, "Legend")
    expect(page.locator(".atlas-lang").first).to_have_attribute("title", "French")


def test_the_map_page_on_a_phone(browser, atlas_server):
    with new_page(browser, **PHONE_CONTEXT) as page:
        frame = open_atlas(page, atlas_server.url)
        map_box = page.locator(MAP_IFRAME).bounding_box()
        # drawn across the screen, and short enough to leave room to scroll past it
        assert 300 <= map_box["width"] <= PHONE["width"] and 300 <= map_box["height"] <= 0.6 * PHONE["height"]
        assert frame.evaluate("window.map.getSize().y") == round(map_box["height"])
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # nothing wider than the screen
        SHOTS.mkdir(exist_ok=True)
        page.locator(MAP_IFRAME).scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / "phone-390x844-map.png"))

        frame.locator(".leaflet-marker-icon[title='Astana']").tap()
        wait_for_url_param(page, "place", "astana")
        panel = heading(page, "★ Astana")
        panel.scroll_into_view_if_needed(timeout=WAIT_MS)
        expect(panel).to_be_in_viewport()
        first_excerpt = page.get_by_text("Treaty of eternal good-neighbourliness").first
        expect(first_excerpt).to_be_visible()
        # the rerun sent the selection layer: st_folium asked for its height again, and was held
        expect(frame.locator(".atlas-ring")).to_have_count(1, timeout=WAIT_MS)
        assert page.locator(MAP_IFRAME).bounding_box()["height"] == map_box["height"]
        opening = page.get_by_role("button", name="Open the article").first
        opening.scroll_into_view_if_needed()
        expect(opening).to_be_in_viewport()
        # the panel comes right under the map; the theme legend waits after it
        panel_top = panel.bounding_box()["y"]
        legends = page.get_by_text("Theme layers (tick them in the map's layer control)")
        visible = [box for box in (legends.nth(i).bounding_box() for i in range(legends.count())) if box]
        assert len(visible) == 1 and visible[0]["y"] > panel_top
        panel.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / "phone-390x844-panel.png"))
        assert Path(SHOTS / "phone-390x844-panel.png").stat().st_size > 10_000


def test_the_table_view_by_keyboard(page: Page, atlas_server):
    page.goto(f"{atlas_server.url}/table?lang=fr")
    places = page.get_by_role("table", name="Lieux de la carte")
    expect(places).to_be_visible(timeout=WAIT_MS)
    expect(places.get_by_role("columnheader", name="Lieu")).to_be_visible()
    expect(places.get_by_role("rowheader", name="Astana")).to_be_visible()
    expect(page.get_by_role("table", name="Thèmes de coopération")).to_be_visible()

    target = places.get_by_role("link", name="Astana", exact=True)
    for _ in range(80):  # Tab through the page until the link has the focus
        page.keyboard.press("Tab")
        if target.evaluate("link => link === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the Astana link in the places table")
    page.keyboard.press("Enter")
    from corpus.build import build_index
    from present.selection import selection_excerpts
    from present.view import View
    from tests.conftest import SEEDS

    n = len(selection_excerpts(View(place="astana"), build_index(SEEDS)))
    excerpts = page.get_by_role("table", name=f"Extraits sur ★ Astana, les plus pertinents d’abord ({n})")
    expect(excerpts).to_be_visible(timeout=WAIT_MS)
    assert location(page) == {"place": ["astana"], "lang": ["fr"]}
    expect(excerpts.locator('td span[lang="fr"]').first).to_be_visible()
