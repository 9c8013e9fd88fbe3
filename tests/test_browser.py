"""End to end in Debian's Chromium against `streamlit run`: load, click, read, share, reopen."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from tests.helpers import MAP_IFRAME, WAIT_MS, heading, location, new_page, open_atlas, wait_for_url_param

pytestmark = pytest.mark.browser
def test_map_draws_from_the_apps_own_files(page: Page, atlas_server):
    requested: list[tuple[str, str]] = []
    page.on("request", lambda r: requested.append((r.resource_type, r.url)))
    frame = open_atlas(page, atlas_server.url)
    assert frame.locator(".leaflet-marker-icon[title='Astana']").count() == 1
    assert frame.locator(".leaflet-marker-icon[title=\"Xi'an\"]").count() == 1
    assert frame.locator(".leaflet-marker-icon .atlas-summit").count() == 2
    assert frame.locator(".leaflet-marker-icon .atlas-capital").count() == 5
    code = [url for kind, url in requested if kind in ("script", "stylesheet", "font")]
    assert code and all(url.startswith(atlas_server.url) for url in code), code
    assert page.locator('[data-testid="stException"]').count() == 0


def test_click_astana_then_kazakhstan_and_share_the_link(page: Page, atlas_server, browser):
    frame = open_atlas(page, atlas_server.url)

    frame.locator(".leaflet-marker-icon[title='Astana']").click()
    wait_for_url_param(page, "place", "astana")
    expect(heading(page, "★ Astana")).to_be_visible(timeout=WAIT_MS)
    expect(page.get_by_text("Treaty of eternal good-neighbourliness").first).to_be_visible()
    expect(page.locator("mark", has_text="Astana").first).to_be_visible()
    expect(frame.locator(".atlas-ring")).to_have_count(1)

    # a point inside Kazakhstan, away from every marker: the polygon itself must take the click
    point = frame.evaluate("window.map.latLngToContainerPoint([46.5, 72.5])")
    frame.locator(".leaflet-container").click(position={"x": point["x"], "y": point["y"]})
    wait_for_url_param(page, "country", "KAZ")
    expect(heading(page, "Kazakhstan")).to_be_visible(timeout=WAIT_MS)
    assert location(page) == {"country": ["KAZ"]}
    expect(frame.locator(".atlas-ring")).to_have_count(0)

    shared = page.evaluate("window.location.href")
    with new_page(browser) as fresh:
        open_atlas(fresh, shared)
        expect(heading(fresh, "Kazakhstan")).to_be_visible(timeout=WAIT_MS)
        expect(fresh.get_by_text("Capital: Astana")).to_be_visible()


def test_french_link_with_theme_reopens_that_view(page: Page, atlas_server):
    open_atlas(page, f"{atlas_server.url}/?place=xian&theme=belt-and-road&lang=fr")
    expect(heading(page, "★ Xi’an")).to_be_visible(timeout=WAIT_MS)
    expect(page.get_by_text("Seulement les phrases sur « Nouvelles routes de la soie ».")).to_be_visible()


def test_a_bad_link_shows_a_message_not_a_traceback(page: Page, atlas_server):
    open_atlas(page, f"{atlas_server.url}/?country=Atlantis")
    expect(page.get_by_text("The link's country=Atlantis cannot be shown")).to_be_visible(timeout=WAIT_MS)
    expect(page.get_by_text("Click a country, a summit venue")).to_be_visible()
    assert page.locator('[data-testid="stException"]').count() == 0
    page.wait_for_function("!window.location.search.includes('country')", timeout=WAIT_MS)


ON_PATH = """(selector) => {
    const path = document.querySelector(selector);
    const point = path.getPointAtLength(path.getTotalLength() / 2);
    const matrix = path.getScreenCTM();
    return {x: point.x * matrix.a + matrix.e, y: point.y * matrix.d + matrix.f};
}"""


def test_theme_layer_corridor_popup_and_date_control(page: Page, atlas_server):
    frame = open_atlas(page, f"{atlas_server.url}/?theme=connectivity")

    # a corridor's popup: approximate, with its source; the click selects nothing
    point = frame.evaluate(ON_PATH, ".atlas-corridor-kazakhstan-china-oil-pipeline")
    box = page.locator(MAP_IFRAME).bounding_box()
    # st_folium counts an object click the moment it happens (then sends it, debounced): a corridor
    # click that would select something shows in this count, without waiting for the send
    clicks = "window.__GLOBAL_DATA__.last_object_clicked_count"
    before = frame.evaluate(clicks)
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    popup = frame.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Kazakhstan–China oil pipeline", timeout=WAIT_MS)
    expect(popup).to_contain_text("approximate route")
    expect(popup.locator("a")).to_have_attribute("href", "https://en.wikipedia.org/wiki/Kazakhstan%E2%80%93China_oil_pipeline")
    assert frame.evaluate(clicks) == before
    assert location(page) == {"theme": ["connectivity"]}
    expect(popup).to_be_visible()  # no rerun closed it

    # tick another theme in the layer control: its badges appear, and one opens its cited popup
    frame.locator(".leaflet-popup-close-button").click()
    frame.locator(".leaflet-control-layers").hover()
    frame.locator(".leaflet-control-layers-overlays label", has_text="TR · Smooth trade").locator("input").check()
    badges = frame.locator(".atlas-theme-trade")
    expect(badges.first).to_be_visible()
    page.mouse.move(1, 1)
    badges.first.click()
    expect(popup).to_contain_text("★ Astana — Second China–Central Asia Summit", timeout=WAIT_MS)
    expect(popup).to_contain_text("premier partenaire commercial")

    # the date control: back to 1992, when neither summit was held nor any corridor open
    assert frame.locator(".atlas-corridor").count() == 4
    slider = page.locator('[data-testid="stSlider"] input')
    slider.focus()
    slider.press("Home")
    wait_for_url_param(page, "until", "1992")
    # the map is rebuilt for that year (its iframe is replaced): look into whichever is there
    in_map = f"(selector) => document.querySelector('{MAP_IFRAME}').contentDocument.querySelectorAll(selector).length"
    page.wait_for_function(f"({in_map})('.leaflet-marker-icon.atlas-upcoming') === 2", timeout=WAIT_MS)
    page.wait_for_function(f"({in_map})('.atlas-corridor') === 0", timeout=WAIT_MS)  # none open or begun yet


def test_embedded_view_keeps_embed_mode_after_a_map_click(page: Page, atlas_server):
    frame = open_atlas(page, f"{atlas_server.url}/?embed=true&place=astana")
    expect(heading(page, "★ Astana")).to_be_visible(timeout=WAIT_MS)
    whole = page.get_by_role("link", name="Open the whole atlas")
    expect(whole).to_have_attribute("href", f"{atlas_server.url}/?place=astana")  # without embed
    expect(whole).to_have_attribute("target", "_blank")  # out of the host page's iframe
    assert page.get_by_role("heading", name="China–Central Asia Summit Atlas").count() == 0  # one-line heading
    assert page.locator('[data-testid="stException"], [data-testid="stAlert"]').count() == 0
    expect(page.get_by_test_id("stMain")).to_be_visible()
    assert page.evaluate("""() => [...document.querySelectorAll('[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"]')]
        .every(el => el.getBoundingClientRect().width === 0)""")  # no sidebar, nor a button to open one

    point = frame.evaluate("window.map.latLngToContainerPoint([46.5, 72.5])")
    frame.locator(".leaflet-container").click(position={"x": point["x"], "y": point["y"]})
    wait_for_url_param(page, "country", "KAZ")
    expect(heading(page, "Kazakhstan")).to_be_visible(timeout=WAIT_MS)
    assert location(page) == {"embed": ["true"], "country": ["KAZ"]}
    assert page.locator('[data-testid="stAlert"]').count() == 0  # embed is not reported as an unknown parameter


def test_the_link_box_gives_the_absolute_address_of_the_current_view(page: Page, atlas_server, browser):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    frame = open_atlas(page, f"{atlas_server.url}/?place=astana&lang=fr")
    link = page.locator(".atlas-copy input").first
    expect(link).to_have_value(f"{atlas_server.url}/?place=astana&lang=fr", timeout=WAIT_MS)

    point = frame.evaluate("window.map.latLngToContainerPoint([46.5, 72.5])")
    frame.locator(".leaflet-container").click(position={"x": point["x"], "y": point["y"]})
    expect(link).to_have_value(f"{atlas_server.url}/?country=KAZ&lang=fr", timeout=WAIT_MS)
    page.locator(".atlas-copy button").first.click()  # the copy button puts it on the clipboard
    expect(page.locator(".atlas-copy button").first).to_have_text("Copié")
    assert page.evaluate("navigator.clipboard.readText()") == f"{atlas_server.url}/?country=KAZ&lang=fr"

    # an excerpt's own link, in the article it opens, reopens that article with its sentence framed
    page.get_by_role("button", name="Ouvrir l’article").first.click()
    field = page.get_by_role("dialog").locator(".atlas-copy input")
    expect(field).to_have_value(re.compile(r"&sentence=\d+"), timeout=WAIT_MS)
    excerpt = field.input_value().strip()
    assert excerpt.startswith(f"{atlas_server.url}/?country=KAZ&article=") and "&sentence=" in excerpt
    with new_page(browser) as fresh:
        fresh.goto(excerpt)
        expect(fresh.locator("#atlas-linked-sentence")).to_be_visible(timeout=WAIT_MS)


def test_the_map_draws_with_tiles_and_every_outside_host_unreachable(browser, atlas_server):
    """Network off except the app's own server: tile and CDN requests fail, the map still draws."""
    context = browser.new_context()
    refused: list[str] = []

    def only_the_app(route):
        if route.request.url.startswith(atlas_server.url):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort("internetdisconnected")

    context.route("**/*", only_the_app)
    try:
        page = context.new_page()
        frame = open_atlas(page, f"{atlas_server.url}/?place=astana")
        expect(heading(page, "★ Astana")).to_be_visible(timeout=WAIT_MS)
        assert frame.locator(".leaflet-marker-icon[title='Astana']").count() == 1
        # the default basemap asks for OpenStreetMap tiles: they were asked for and refused
        frame.wait_for_function("document.querySelectorAll('.leaflet-tile').length > 0", timeout=WAIT_MS)
        assert any("tile.openstreetmap.org" in url for url in refused), refused
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        context.close()


def test_a_click_on_a_capitals_name_selects_the_country_under_it(page: Page, atlas_server):
    """A city's name is a label, not a target: the country around it takes the click (the small
    countries are mostly covered by their capital's name)."""
    frame = open_atlas(page, atlas_server.url)
    label = frame.locator(".leaflet-marker-icon[title='Dushanbe'] .atlas-name").bounding_box()
    box = page.locator(MAP_IFRAME).bounding_box()
    inside = frame.evaluate("window.map.latLngToContainerPoint([38.53, 70.4])")  # Tajikistan, east of Dushanbe
    x, y = box["x"] + inside["x"], box["y"] + inside["y"]
    assert label["x"] < x < label["x"] + label["width"] and label["y"] < y < label["y"] + label["height"]  # on the name
    page.mouse.click(x, y)
    wait_for_url_param(page, "country", "TJK")
    expect(heading(page, "Tajikistan")).to_be_visible(timeout=WAIT_MS)


def _script_runs(page: Page) -> list[str]:
    """What each rerun request the page sends says it is for: 'open' (no widget changed) or the
    map's report ('map'), read from Streamlit's own BackMsg on the websocket."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    runs: list[str] = []

    def sent(payload):
        message = BackMsg.FromString(payload if isinstance(payload, bytes) else payload.encode("latin-1"))
        if message.WhichOneof("type") == "rerun_script":
            values = [w.json_value for w in message.rerun_script.widget_states.widgets]
            runs.append("map" if any("last_object_clicked" in value for value in values) else "open")
    page.on("websocket", lambda ws: ws.on("framesent", sent))
    return runs


def test_a_page_open_runs_the_page_once_and_the_first_click_still_reports(page: Page, atlas_server):
    runs = _script_runs(page)
    frame = open_atlas(page, atlas_server.url)
    # st_folium reports, 250 ms debounced, whatever differs from its default once the map is up;
    # with nothing clicked nothing differs, so no second run of the whole page
    page.wait_for_timeout(1500)
    assert runs == ["open"]
    frame.locator(".leaflet-marker-icon[title='Astana']").click()
    expect(heading(page, "★ Astana")).to_be_visible(timeout=WAIT_MS)
    assert runs == ["open", "map"]
