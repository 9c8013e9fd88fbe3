"""In Chromium: a corpus read for the first time shows a progress bar while it is read, then the
map; the next visitor gets the map at once (no bar replayed from the cache); a dropped-in article
is on the map on the next page load."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import Page, expect

from bench.make_corpus import write_corpus
from tests.conftest import ROOT, SEEDS, article_text
from tests.server import StreamlitServer
from tests.helpers import WAIT_MS, heading, open_atlas

pytestmark = pytest.mark.browser

# Records, from the first moment of the page, every text the progress bar shows.
RECORD = """() => {
    window.__progress = [];
    new MutationObserver(() => {
        for (const bar of document.querySelectorAll('[data-testid="stProgress"]')) {
            window.__progress.push(bar.textContent);
        }
    }).observe(document, {subtree: true, childList: true, characterData: true});
}"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = write_corpus(150, tmp_path_factory.mktemp("generated") / "seeds")
    for path in SEEDS.glob("*.md"):
        shutil.copy(path, folder)
    server = StreamlitServer(ROOT / "app.py", env={"ATLAS_SEEDS_DIR": str(folder), "ATLAS_TILES": "none"})
    try:
        yield server, folder
    finally:
        server.stop()


def test_a_first_read_shows_progress_then_the_map_and_the_next_visitor_none(page: Page, generated, browser):
    server, folder = generated
    page.add_init_script(f"({RECORD})()")
    open_atlas(page, server.url)
    seen = page.evaluate("window.__progress")
    assert any("Reading new and changed articles" in text and "of 153" in text for text in seen), seen[:3]
    expect(page.locator('[data-testid="stProgress"]')).to_have_count(0)
    expect(page.get_by_text("153 article(s) in the corpus.")).to_be_attached()

    context = browser.new_context()
    try:
        later = context.new_page()
        later.add_init_script(f"({RECORD})()")
        open_atlas(later, server.url)
        assert later.evaluate("window.__progress") == []
    finally:
        context.close()

    # an article dropped into the folder: its city is on the map at the next page load
    (folder / "zz-dropped.md").write_text(article_text("Dropped", "Talks in Samarkand on trade."), encoding="utf-8")
    frame = open_atlas(page, f"{server.url}/?place=samarkand")
    expect(heading(page, "Samarkand")).to_be_visible(timeout=WAIT_MS)
    expect(page.get_by_text("Talks in Samarkand on trade.")).to_be_visible()
    assert frame.locator(".leaflet-marker-icon[title='Samarkand']").count() == 1
