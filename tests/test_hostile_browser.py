"""An article full of HTML, scripts, event handlers, `javascript:` links, Markdown tricks and a very
long line, opened in Chromium on every surface that shows article text: the panel, the article
view, search, the theme panel and the map's popups and tooltips, the timeline, themes and about
pages. Nothing may run, no live `javascript:` link may exist, and the text must still be shown."""

from __future__ import annotations

from dataclasses import replace

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import SEEDS
from tests.server import StreamlitServer
from tests.helpers import WAIT_MS, offline_context, open_atlas, open_offline

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
    # a dated event of its own for the timeline (the year of "3 milliards de dollars" is a statistic's)
    'Le forum <script>window.__pwned="body"</script> <b onmouseover=alert(12)>agricole</b> s’est tenu à Tachkent '
    "en mars 2019.",
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
# Every popup and tooltip of the map (`window[name]`) opened in turn, each checked while it is in
# the DOM; with the text each showed.
OPEN_EVERY_POPUP = """([probe, name]) => {
    const check = new Function("return (" + probe + ")()");
    const found = [], shown = [];
    let opened = 0;
    window[name].eachLayer((layer) => {
        for (const [get, open, close] of [["getPopup", "openPopup", "closePopup"], ["getTooltip", "openTooltip", "closeTooltip"]]) {
            if (!layer[get] || !layer[get]()) continue;
            const at = layer.getLatLng ? undefined : layer.getBounds && layer.getBounds().getCenter();
            layer[open](at);
            opened += 1;
            found.push(...check());
            shown.push(layer[get]().getElement().textContent);
            layer[close]();
        }
    });
    return {opened, found, shown};
}"""
# A popup's content: text (the atlas's popups are elements) or, from folium, an HTML string.
CONTENT = "((c) => typeof c === 'string' ? c : c.textContent)(l.getPopup().getContent())"


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile") / "seeds"
    folder.mkdir()
    for path in SEEDS.glob("*.md"):
        (folder / path.name).write_bytes(path.read_bytes())
    front = "---\ntitle: '{}'\npublished: 2025-06-20\nlanguage: fr\nsource: '{}'\nurl: 'javascript:alert(10)'\n" \
            "note: '<img src=x onerror=alert(11)>'\n---\n\n"
    (folder / "hostile.md").write_text(front.format(TITLE, SOURCE) + "\n\n".join(BODY) + "\n", encoding="utf-8")
    # named to sort first: a theme badge quotes the first sentences it finds, and the seeds now
    # have more of them (themes by meaning), so a later file would not be quoted in any popup
    (folder / "0000_addresses.md").write_text(ADDRESSES_ARTICLE, encoding="utf-8")
    server = StreamlitServer(env={"ATLAS_SEEDS_DIR": str(folder), "ATLAS_TILES": "none"})
    try:
        yield server
    finally:
        server.stop()


# Bare addresses Markdown would make links of, and direction controls that would reorder the
# citation after them (a date shown reversed, a source shown as another name).
ADDRESSES = ["https://evil.example/login", "www.evil.example", "bob_smith@evil.example", "HTTP://EVIL.EXAMPLE"]
RLO = "\u202e"
# (Kazakhstan and China named: an article of several sentences that never names both sides has no theme,
# and the themes page and the trade map must quote this one)
ADDRESSES_ARTICLE = (
    f"---\ntitle: 'Summit notes {RLO}5202-60-91'\npublished: 2025-06-20\nlanguage: en\n"
    f"source: '{RLO}auhnix\u2066 www.evil.example'\n---\n\n"
    f"Astana hosted the trade summit of Kazakhstan and China in 2025, worth 3 billion dollars; see {ADDRESSES[0]} "
    f"or {ADDRESSES[1]}.\n\nMail {ADDRESSES[2]} or open {ADDRESSES[3]} about trade in Astana.\n")
ADDRESS_PROBE = """() => [...document.querySelectorAll("a[href]")].map(a => a.getAttribute("href"))
    .filter(href => /^\s*(https?:|mailto:|\/\/|www\.)[^?#]*evil/i.test(href))"""  # the app's own links may carry ?q=…
BIDI_PROBE = r"""() => /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(document.body.innerText)"""


def assert_no_address_links_and_no_bidi(page: Page) -> None:
    for frame in page.frames:
        assert frame.evaluate(ADDRESS_PROBE) == [], frame.url
        assert not frame.evaluate(BIDI_PROBE), frame.url


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
        result = frame.evaluate(OPEN_EVERY_POPUP, [PROBE, "map"])
        assert result["opened"] > 10 and not result["found"], result
        # the hostile article's quote and title are in a popup, as text
        frame.evaluate("""() => { window.map.eachLayer(l => { if (l.getPopup && l.getPopup() &&
            %s.includes('onerror')) { l.openPopup(); } }); }""" % CONTENT)
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
    assert article.title == TITLE and article.source == SOURCE and len(article.paragraphs) == len(BODY)


# --- every text field of the map, hostile --------------------------------------------------------

# Fields that are not shown as text; every other text field of the map's data must be shown, as
# text, somewhere on the map (a new field is then hostile here from the day it is added).
NOT_TEXT = {
    "MarkerSpec.slug", "ThemeLayer.slug", "Corridor.id",  # class names
    "MarkerSpec.kind", "Corridor.kind",  # one of a fixed set (summit/capital/city; a line's dash)
    "ThemeLayer.color",  # a style value
    "Citation.language",  # the quote's lang attribute
    "Corridor.source_url",  # a link's address: never a live javascript: link (PROBE)
}
KINDS = {"MarkerSpec.kind": "capital", "Corridor.kind": "railway"}


def hostile_text(tag: str) -> str:
    return (f"<img src=x onerror=\"window.__pwned='{tag}'\"><script>window.__pwned='{tag}'</script>"
            f"<a href=\"javascript:window.__pwned='{tag}'\">[{tag}]</a>")


def hostile(cls, **given):
    """`cls` with every text field (found from the dataclass itself) holding hostile text that
    names the field, and `given` for the rest."""
    import dataclasses

    texts = {}
    for field in dataclasses.fields(cls):
        tag = f"{cls.__name__}.{field.name}"
        if field.type == "str":
            texts[field.name] = KINDS.get(tag) or (f"javascript:window.__pwned='{tag}'" if tag == "Corridor.source_url"
                                                   else hostile_text(tag))
        elif field.type == "dict[str, str]":
            texts[field.name] = {iso3: hostile_text(f"{tag}.{iso3}") for iso3 in ("KAZ", "CHN")}
        elif field.default is dataclasses.MISSING:
            assert field.name in given, f"{tag} ({field.type}): give it a value, or fill it here if it is text"
    return cls(**{**texts, **given}), {f"{cls.__name__}.{field.name}" for field in dataclasses.fields(cls)
                                       if field.type in ("str", "dict[str, str]")}


def test_every_text_field_of_the_map_stays_inert_and_shown_as_text(browser, tmp_path):
    """Regression for text that reaches the browser unescaped: every text field of the map's data
    (MarkerSpec, MapLabels, ThemeLayer, Badge, Citation, Corridor, read from the dataclasses, so a
    field added later is in it) is hostile, in the standalone map opened in Chromium; every popup
    and tooltip is opened; nothing runs and each field is shown as the text it is."""
    from geo.atlas_map import base_map, selection_layer
    from geo.corridors import Corridor
    from geo.countries import load_shapes
    from geo.export import standalone_html
    from geo.model import Badge, Citation, MapLabels, MarkerSpec, ThemeLayer

    marker, fields = hostile(MarkerSpec, lat=51.18, lon=71.45)
    labels, more = hostile(MapLabels)
    fields |= more
    citation, more = hostile(Citation)
    fields |= more
    badge, more = hostile(Badge, lat=48.3, lon=66.0, citations=(citation,))
    fields |= more
    theme, more = hostile(ThemeLayer, index=3, badges=(badge,), countries=("KAZ",))
    theme = replace(theme, slug="connectivity", color="#1558a8")  # the theme that draws the corridors
    fields |= more
    corridor, more = hostile(Corridor, opened=2009, construction_start=None,
                             coordinates=((60.0, 40.0), (70.0, 42.0), (80.0, 44.0)))
    fields |= more
    shapes = load_shapes()
    markers = [marker, replace(marker, slug="b", kind="summit", upcoming=True, lat=40.0, lon=70.0),
               replace(marker, slug="c", kind="city", lat=45.0, lon=80.0),
               replace(marker, slug="d", kind="hub", lat=44.0, lon=80.3),  # the legend's hub and region rows
               replace(marker, slug="e", kind="region", lat=40.8, lon=71.6, radius_km=130)]
    atlas = base_map(shapes, markers,
                     labels, None, themes=(theme,), corridors=(corridor,))
    page_file = tmp_path / "hostile-fields.html"
    page_file.write_text(standalone_html(
        atlas, selection_layer(shapes, country="KAZ", marker=marker, theme=theme, corridors=(corridor,),
                               approximate=labels.approximate),
        title=hostile_text("title"), note=hostile_text("note")), encoding="utf-8")

    context, _ = offline_context(browser)
    try:
        page, dialogs = open_offline(context, page_file)
        page.locator(".leaflet-control-layers").hover()  # the layer control's names
        result = page.evaluate(OPEN_EVERY_POPUP, [PROBE, "map_0000"])
        assert result["opened"] > 10 and not result["found"], result
        assert_inert(page)
        shown = "\n".join(result["shown"] + [page.title(), page.evaluate("document.body.textContent")] + page.evaluate(
            "[...document.querySelectorAll('[title], [aria-label]')].flatMap(e => [e.title, e.getAttribute('aria-label')]).filter(Boolean)"))
        missing = {tag for tag in fields - NOT_TEXT if not any(f"[{name}]" in shown for name in
                                                               (tag, f"{tag}.KAZ"))}
        assert not missing, f"not shown as text: {sorted(missing)}"
        assert hostile_text("Badge.heading") in shown  # whole, as typed
        assert page.locator("img[src='x'], .leaflet-popup-content a[href^='javascript']").count() == 0
        assert not dialogs
    finally:
        context.close()


def test_addresses_in_article_text_stay_text_and_direction_controls_are_shown(watched: Page, hostile_server):
    page = watched
    for path in ("?place=astana", "?article=0000_addresses", "themes"):
        if path.startswith("?"):
            open_atlas(page, f"{hostile_server.url}/{path}")
        else:
            page.goto(f"{hostile_server.url}/{path}")
        expect(page.get_by_text(ADDRESSES[0]).first).to_be_visible(timeout=WAIT_MS)
        for address in ADDRESSES[1:] if path != "themes" else ():
            expect(page.get_by_text(address, exact=False).first).to_be_visible()
        if path != "themes":
            expect(page.get_by_text("[U+202E]auhnix", exact=False).first).to_be_visible()
        assert_no_address_links_and_no_bidi(page)
        assert_inert(page)
    # a searched address, shown in the heading or the "nothing found" note (Markdown without HTML)
    for q in (ADDRESSES[1], "bob@evil.example"):
        open_atlas(page, f"{hostile_server.url}/?q={q}")
        expect(page.get_by_text("evil.example", exact=False).first).to_be_visible(timeout=WAIT_MS)
        # shown as typed; where Streamlit allows no HTML, an invisible word joiner splits the address
        assert q in page.evaluate("document.body.innerText.replaceAll('\u2060', '')")
        assert_no_address_links_and_no_bidi(page)
    frame = open_atlas(page, f"{hostile_server.url}/?theme=trade")
    result = frame.evaluate(OPEN_EVERY_POPUP, [PROBE, "map"])
    popups = "\n".join(result["shown"])
    assert not result["found"] and "[U+202E]auhnix" in popups and RLO not in popups
