"""An article full of HTML, scripts, event handlers, `javascript:` links, Markdown tricks and a very
long line, opened in Chromium on every surface that shows article text: the panel, the article
view, search, the theme panel and the map's popups and tooltips, the timeline, themes and about
pages. Nothing may run, no live `javascript:` link may exist, and the text must still be shown."""

from __future__ import annotations


import pytest
from playwright.sync_api import Page, expect

from tests.conftest import ROOT, SEEDS
from tests.server import StreamlitServer
from tests.helpers import WAIT_MS, open_atlas

pytestmark = pytest.mark.browser

# Every payload sets window.__pwned (in whichever frame it runs) or opens a dialog.
TITLE = '<script>window.__pwned="title"</script><img src=x onerror="window.__pwned=1"> Astana'
SOURCE = '<a href="javascript:window.__pwned=2">CGTN</a>'
BODY = [
    'Astana <script>window.__pwned="body"</script> a accueilli le sommet sur le commerce avec le Kazakhstan '
    "en 2025, pour 3 milliards de dollars.",
    "[cliquez](javascript:window.__pwned=3) <img src=x onerror=alert(4)> <svg onload=alert(5)> "
    '<a href="javascript:alert(6)">lien</a> **gras** ![image](javascript:alert(7)) <b onmouseover=alert(8)>Pékin</b>.',
    "Tachkent et le commerce " + "W" * 4000 + " fin.",
    '<iframe src="javascript:alert(9)"></iframe> Le gazoduc relie le Turkménistan à la Chine, dit Astana.',
]
VISIBLE = '<script>window.__pwned="body"</script>'  # shown as text, not removed

PROBE = """() => {
    const found = [];
    if (window.__pwned !== undefined) found.push("ran: " + window.__pwned);
    for (const a of document.querySelectorAll("a[href]")) {
        if (a.getAttribute("href").trim().toLowerCase().startsWith("javascript:")) found.push("link: " + a.outerHTML);
    }
    for (const el of document.querySelectorAll("*")) {
        for (const attr of el.attributes) {
            if (attr.name.startsWith("on") && /pwned|alert/.test(attr.value)) found.push("handler: " + el.outerHTML.slice(0, 120));
        }
        // the map's own script carries the quotes as escaped JSON data; a script made from the
        // article would hold the payload as its code
        if (el.tagName === "SCRIPT" && el.textContent.trim().startsWith("window.__pwned")) found.push("script element");
        if (el.tagName === "IFRAME" && /^\\s*javascript:/i.test(el.getAttribute("src") || "")) found.push("iframe");
    }
    return found;
}"""
# Every popup and tooltip of the map opened in turn, each checked while it is in the DOM.
OPEN_EVERY_POPUP = """(probe) => {
    const check = new Function("return (" + probe + ")()");
    const found = [];
    let opened = 0;
    window.map.eachLayer((layer) => {
        for (const [get, open, close] of [["getPopup", "openPopup", "closePopup"], ["getTooltip", "openTooltip", "closeTooltip"]]) {
            if (!layer[get] || !layer[get]()) continue;
            const at = layer.getLatLng ? undefined : layer.getBounds && layer.getBounds().getCenter();
            layer[open](at);
            opened += 1;
            found.push(...check());
            layer[close]();
        }
    });
    return {opened, found};
}"""


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile") / "seeds"
    folder.mkdir()
    for path in SEEDS.glob("*.md"):
        (folder / path.name).write_bytes(path.read_bytes())
    front = "---\ntitle: '{}'\npublished: 2025-06-20\nlanguage: fr\nsource: '{}'\nurl: 'javascript:alert(10)'\n" \
            "note: '<img src=x onerror=alert(11)>'\n---\n\n"
    (folder / "hostile.md").write_text(front.format(TITLE, SOURCE) + "\n\n".join(BODY) + "\n", encoding="utf-8")
    server = StreamlitServer(ROOT / "app.py", env={"ATLAS_SEEDS_DIR": str(folder), "ATLAS_TILES": "none"})
    try:
        yield server
    finally:
        server.stop()


def assert_inert(page: Page) -> None:
    found = [f"{frame.url}: {item}" for frame in page.frames for item in frame.evaluate(PROBE)]
    assert not found, found
    assert page.locator('[data-testid="stException"]').count() == 0


@pytest.fixture
def watched(page: Page):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    assert not dialogs, f"a dialog opened: {dialogs}"


def test_the_panel_the_article_and_search_show_hostile_text_inert(watched: Page, hostile_server):
    page = watched
    open_atlas(page, f"{hostile_server.url}/?place=astana")
    expect(page.get_by_text(VISIBLE).first).to_be_visible(timeout=WAIT_MS)
    assert_inert(page)

    open_atlas(page, f"{hostile_server.url}/?article=hostile")
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_text("[cliquez](javascript:window.__pwned=3)", exact=False)).to_be_visible(timeout=WAIT_MS)
    expect(dialog.get_by_text(SOURCE, exact=False)).to_be_visible()
    assert dialog.locator("a").count() == 0  # javascript: url refused, nothing made a link
    # the 4,000-character word wraps inside the dialog instead of widening the page
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_inert(page)

    open_atlas(page, f"{hostile_server.url}/?q=cliquez")
    expect(page.get_by_text("[cliquez](javascript:window.__pwned=3)", exact=False).first).to_be_visible(timeout=WAIT_MS)
    assert_inert(page)


def test_every_popup_and_tooltip_of_a_theme_map_stays_inert(watched: Page, hostile_server):
    page = watched
    for theme, shown in (("trade", VISIBLE), ("connectivity", '<iframe src="javascript:alert(9)">')):
        frame = open_atlas(page, f"{hostile_server.url}/?theme={theme}")
        expect(page.get_by_text(shown, exact=False).first).to_be_visible(timeout=WAIT_MS)
        result = frame.evaluate(OPEN_EVERY_POPUP, PROBE)
        assert result["opened"] > 10 and not result["found"], result
        # the hostile article's quote and title are in a popup, as text
        frame.evaluate("""() => { window.map.eachLayer(l => { if (l.getPopup && l.getPopup() &&
            String(l.getPopup().getContent()).includes('onerror')) { l.openPopup(); } }); }""")
        expect(frame.locator(".leaflet-popup-content").first).to_contain_text("<img src=x onerror")
        assert_inert(page)
    # a wide line in the panel does not widen the page either
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("path, shown, state", [
    ("timeline", VISIBLE, "visible"),
    ("themes", "3 bn USD", "visible"),  # the hostile article's figure
    ("about", TITLE, "attached"),  # a data grid cell: drawn on a canvas, its text in an accessible table
])
def test_the_other_pages_show_hostile_text_inert(watched: Page, hostile_server, path, shown, state):
    page = watched
    page.goto(f"{hostile_server.url}/{path}")
    page.get_by_text(shown, exact=False).first.wait_for(state=state, timeout=WAIT_MS)
    assert_inert(page)


def test_the_hostile_article_is_really_in_the_corpus():
    """Guards the fixture: the payloads above are read as an article, not skipped."""
    from corpus.articles import parse_article

    text = ("---\ntitle: '{}'\npublished: 2025-06-20\nlanguage: fr\nsource: '{}'\n---\n\n".format(TITLE, SOURCE)
            + "\n\n".join(BODY))
    article = parse_article("hostile", text.encode())
    assert article.title == TITLE and article.source == SOURCE and len(article.paragraphs) == 4
