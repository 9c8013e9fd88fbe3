"""The downloads in Debian's Chromium: each file is fetched through its button and read, and the
map file is opened in a fresh browser with the network cut off."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from corpus.export import COLUMNS
from geo.export import standalone_html
from tests.conftest import article_text, index_of
from tests.helpers import WAIT_MS, heading, open_atlas, wait_for_url_param
from ui.data import atlas_base_map, atlas_selection
from present.view import View

pytestmark = pytest.mark.browser
SIX_COUNTRIES = "document.querySelectorAll('path.leaflet-interactive').length >= 6"


def select_astana_and_settle(page: Page, url: str) -> None:
    """Open the map and click Astana; return once the page has finished the run that shows it.

    A download button's file is registered anew on every run, so a click during a rerun can ask
    for a file the server has just replaced. Opening a page runs it twice (its own run, then the
    one the map's first report asks for, which may cut the first short); a marker click leaves
    one run whose end is certain: the panel shows Astana, and then the script stops."""
    frame = open_atlas(page, url)
    frame.locator(".leaflet-marker-icon[title='Astana']").click()
    wait_for_url_param(page, "place", "astana")
    expect(heading(page, "★ Astana")).to_be_visible(timeout=WAIT_MS)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=WAIT_MS)


def download(page: Page, label: str, folder: Path) -> Path:
    with page.expect_download(timeout=WAIT_MS) as started:
        page.get_by_role("button", name=label).click()
    saved = folder / started.value.suggested_filename
    started.value.save_as(saved)
    return saved


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


def test_each_download_is_fetched_and_the_map_file_opens_offline(page: Page, atlas_server, browser, tmp_path):
    select_astana_and_settle(page, atlas_server.url)
    expect(page.get_by_text("6 excerpt(s), best first.")).to_be_visible()

    table = download(page, "Excerpts (CSV)", tmp_path)
    assert table.name == "atlas-place-astana.csv"
    rows = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    assert rows[0] == list(COLUMNS) and len(rows) == 7
    assert {row[-1] for row in rows[1:]} == {"place=astana"}
    assert any("Astana, la capitale du Kazakhstan" in row[7] for row in rows[1:])
    assert all(row[5].startswith("https://") and row[6].isdigit() for row in rows[1:] if row[5])

    note = download(page, "Excerpts (Markdown)", tmp_path).read_text(encoding="utf-8")
    assert note.startswith("# China–Central Asia Summit Atlas — ★ Astana\n")
    assert note.count("\n> — **") == 6 and "**Astana**" in note

    saved = download(page, "Map (HTML)", tmp_path)
    assert saved.name == "atlas-place-astana.html"
    context, refused = offline_context(browser)
    try:
        offline, dialogs = open_offline(context, saved)
        assert offline.locator(".leaflet-marker-icon[title='Astana']").count() == 1
        assert offline.locator(".leaflet-marker-icon .atlas-capital").count() == 5
        expect(offline.locator(".atlas-ring")).to_have_count(1)  # the selection came along
        expect(offline.locator(".atlas-export-note")).to_contain_text("★ Astana")
        # a theme layer and its cited popup work without the app
        offline.locator(".leaflet-control-layers").hover()
        offline.locator(".leaflet-control-layers-overlays label", has_text="TR · Smooth trade").locator("input").check()
        offline.mouse.move(1, 1)
        offline.locator(".atlas-theme-trade").first.click()
        expect(offline.locator(".leaflet-popup-content")).to_contain_text("premier partenaire commercial")
        assert not dialogs
    finally:
        context.close()
    # only basemap tiles were asked for, and refused: nothing the map needs
    assert all(url.startswith("https://tile.openstreetmap.org/") for url in refused), refused


def test_hostile_article_stays_inert_in_the_opened_map_file(browser, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    title = "<script>alert('t')</script><img src=x onerror=alert('i')>"
    body = ("Astana trade talks <script>alert('b')</script> <img src=x onerror=alert('b2')> "
            "[click](javascript:alert('l')) go on for long enough to be shown alone.")
    (seeds / "hostile.md").write_text(article_text(title, body), encoding="utf-8")
    index = index_of(seeds)
    exported = tmp_path / "hostile.html"
    exported.write_text(standalone_html(atlas_base_map(index, "en", None),
                                        atlas_selection(index, View(theme="trade")), title=title), encoding="utf-8")

    context, _ = offline_context(browser)
    try:
        page, dialogs = open_offline(context, exported)
        assert page.title() == title  # shown as text
        page.locator(".atlas-theme-trade").first.click()
        popup = page.locator(".leaflet-popup-content")
        expect(popup).to_contain_text("<script>alert('b')</script> <img src=x onerror=alert('b2')>")
        expect(popup).to_contain_text(title)
        assert popup.locator("img, script, a").count() == 0
        assert page.locator("img[src='x']").count() == 0 and not dialogs
    finally:
        context.close()
