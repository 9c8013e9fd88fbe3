"""Exports: the standalone map file, the excerpts as CSV and Markdown, and their buttons."""

from __future__ import annotations

import csv
import io
import re
from html import unescape
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from corpus.articles import Article
from corpus.excerpts import Excerpt, Sentence
from corpus.export import COLUMNS, CitationWords, excerpts_csv, excerpts_markdown, markdown_text, spreadsheet_safe
from geo.atlas_map import base_map, selection_layer
from geo.assets import STATIC_DIR
from geo.countries import GeoDataError, load_shapes
from geo.model import MapLabels
from geo.export import standalone_html
from tests.conftest import article_text, index_of
from tests.helpers import atlas_calls, run_app
from ui.data import atlas_base_map, atlas_selection
from present.exports import file_stem
from present.links import selection_params
from present.selection import selection_name as selection_label
from present.view import View

LABELS = MapLabels("Countries", "Summit venues", "Capitals", "Cities", "Legend", {"KAZ": "Kazakhstan"})
HOSTILE_TITLE = "<script>alert(1)</script><img src=x onerror=alert(2)>"
# (China and Kazakhstan named: an article that never names both sides has no theme)
HOSTILE_BODY = ('Astana trade talks with China: <script>alert(3)</script> [click](javascript:alert(4)) '
                '<img src=x onerror="alert(5)"> **bold** $x^2$ :smile: and more words to make it long.\n\n'
                "# Not a heading, Astana trade again, with more words so that it stands alone as one.\n\n"
                "=HYPERLINK(\"http://evil.example\") Astana hosts trade fairs, and this sentence is long enough.")
HOSTILE_META = "source: '@evil source'\nurl: 'javascript:alert(6)'\n"


@pytest.fixture(scope="module")
def shapes():
    return load_shapes()


@pytest.fixture
def hostile_index(seeds_copy: Path):
    # named to come first in the corpus, so that a map badge quoting its first two sentences quotes it
    # (the seeds have more trade sentences at Astana since themes are also found by meaning)
    (seeds_copy / "0000_hostile.md").write_text(
        article_text(HOSTILE_TITLE, HOSTILE_BODY, extra=HOSTILE_META), encoding="utf-8")
    return index_of(seeds_copy)


def scripts(html: str) -> list[str]:
    return re.findall(r"<script\b[^>]*>", html, flags=re.IGNORECASE)


# --- the map as one file ---------------------------------------------------------------------

def test_standalone_map_needs_no_other_file(shapes):
    html = standalone_html(base_map(shapes, [], LABELS, tiles=None), title="Atlas")
    assert not re.findall(r'<(?:script|link|img)\b[^>]*(?:src|href)=', html, flags=re.IGNORECASE)
    assert "../../app/static/" not in html and "url(images/" not in html
    assert "Leaflet 1.9.3" in html and "jQuery v3.7.1" in html
    assert "url(data:image/png;base64," in html  # the layer control's icon
    for iso3 in ("CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB"):  # the shapes travel inside the script
        assert f'"iso3": "{iso3}"' in html
    assert html.index("charset=UTF-8") < 1024  # before the inlined libraries: read as UTF-8 from disk
    assert "<title>Atlas</title>" in html


def test_standalone_map_draws_the_selection_and_escapes_its_labels(shapes):
    atlas = base_map(shapes, [], LABELS, tiles=None)
    html = standalone_html(atlas, selection_layer(shapes, country="KAZ"), title="<b>T</b>", note="<i>note</i>")
    assert "feature_group_s0000.addTo(map_0000)" in html  # the selection layer is on the map
    assert "<b>T</b>" not in html and "<title>&lt;b&gt;T&lt;/b&gt;</title>" in html
    assert "<i>note</i>" not in html and "\\u003ci>note\\u003c/i>" in html  # set as textContent


def test_a_missing_library_is_named(shapes, tmp_path):
    with pytest.raises(GeoDataError, match=r"Cannot read static/\S+ for the export.*make vendor"):
        standalone_html(base_map(shapes, [], LABELS, tiles=None), title="Atlas", static_dir=tmp_path)


def test_the_vendored_libraries_cannot_close_their_script_early():
    for name in ("leaflet/leaflet.js", "jquery/jquery.min.js"):
        code = (STATIC_DIR / name).read_text(encoding="utf-8").lower()
        assert "</script" not in code and "<!--" not in code


def test_hostile_article_text_stays_inert_in_the_map_file(hostile_index, seed_index):
    view = View(place="astana", theme="trade")
    exported = {}
    for name, index in (("hostile", hostile_index), ("seeds", seed_index)):
        exported[name] = standalone_html(atlas_base_map(index, "en", None), atlas_selection(index, view), title="t")
    html = exported["hostile"]
    # it is in the file, as the article wrote it, as JSON data that the browser sets as text
    themes = atlas_calls(html, "theme")
    assert any(source.startswith(HOSTILE_TITLE) for data in themes for source in data["sources"])
    assert any("<script>alert(3)</script>" in quote[0] for data in themes for quote in data["quotes"])
    for live in ("<script>alert", "<img src=x"):
        assert live not in html
    assert not re.search(r"href=\\?[\"']?javascript", html)  # shown as text, never a link
    assert len(scripts(html)) == len(scripts(exported["seeds"]))  # no script element of its own


# --- the excerpts ----------------------------------------------------------------------------

def excerpt(text: str, title: str = "A title", source: str = "A source", url: str | None = "https://example.org/a",
            number: int = 3, spans: tuple[tuple[int, int], ...] = ()) -> Excerpt:
    article = Article("art-1", title, "2025-06-19", "en", (text,), source=source, url=url)
    return Excerpt(article, Sentence("art-1", 0, number, 0, len(text), text, ()), text, spans, 3)


def test_csv_has_one_cited_row_per_excerpt():
    link = "https://atlas.example/?place=astana&article=art-1&sentence=4"
    rows = list(csv.reader(io.StringIO(excerpts_csv([excerpt("Astana hosts, the summit.")], "place=astana", [link]))))
    assert rows[0] == list(COLUMNS)
    assert rows[1] == ["art-1", "A title", "A source", "2025-06-19", "en", "https://example.org/a", "4",
                       "Astana hosts, the summit.", "place=astana", link]


@pytest.mark.parametrize("cell", ["=1+2", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_a_cell_that_a_spreadsheet_would_run_gets_an_apostrophe(cell):
    assert spreadsheet_safe(cell) == "'" + cell
    rows = list(csv.reader(io.StringIO(excerpts_csv([excerpt(cell, title=cell, source=cell, url=cell)], cell, [cell]))))
    assert rows[1][1:3] == ["'" + cell] * 2 and rows[1][5] == "'" + cell and rows[1][7:] == ["'" + cell] * 3


def test_ordinary_cells_are_left_alone():
    for cell in ("Astana", "2025-06-19", "« Xi »", " =not at the start", "a=b"):
        assert spreadsheet_safe(cell) == cell


def test_hostile_article_in_the_csv(hostile_index):
    excerpts = [e for e in hostile_index.excerpts_for_place("astana") if e.article.id == "0000_hostile"]
    rows = [row for row in csv.DictReader(io.StringIO(excerpts_csv(excerpts, "place=astana")))]
    assert len(rows) == 3 and {row["source"] for row in rows} == {"'@evil source"}
    assert any(row["excerpt"].startswith("'=HYPERLINK") for row in rows)
    assert not any(value.startswith(("=", "+", "-", "@")) for row in rows for value in row.values())


RENDER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def rendered(markdown: str) -> str:
    return RENDER.render(markdown)


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[click](javascript:alert(1))",
    "<javascript:alert(1)>", "![x](https://evil.example/x.png)", "# heading", "- item", "+ item", "2025. year",
    "1) one", "---", "===", "**bold** _it_ `code` ~~gone~~", "| a | b |", "&lt;b&gt; &amp;", "back\\slash *",
    "$x^2$", "> quote", "[ref]: https://evil.example",
])
def test_markdown_text_renders_as_typed(text):
    html = rendered(markdown_text(text))
    assert html.startswith("<p>") and html.count("<") == 2, html  # one paragraph, no other element
    assert unescape(html.strip()[3:-4]) == text


def test_markdown_quotes_each_excerpt_with_its_citation_and_marks_the_matched_words():
    text = "The summit in Astana ended."
    markdown = excerpts_markdown([excerpt(text, spans=((14, 20),))], title="Atlas — ★ Astana", intro="1 excerpt")
    html = rendered(markdown)
    assert "<h1>Atlas — ★ Astana</h1>" in html and "<p>1 excerpt</p>" in html
    assert "<blockquote>" in html and "The summit in <strong>Astana</strong> ended." in html
    assert ('— <strong>A title</strong> · A source · 2025-06-19 · '
            '<a href="https://example.org/a">https://example.org/a</a> · article art-1, sentence 4') in html


def test_hostile_article_in_the_markdown(hostile_index):
    excerpts = [e for e in hostile_index.excerpts_for_place("astana") if e.article.id == "0000_hostile"]
    markdown = excerpts_markdown(excerpts, title="Astana")
    html = rendered(markdown)
    assert html.count("<h1>") == 1 and "<img" not in html and "<script" not in html and "<li>" not in html
    assert not re.findall(r'href="([^"]*)"', html)  # its javascript: address is never a link
    assert html.count("<blockquote>") == 3
    assert "&lt;script&gt;alert(3)&lt;/script&gt; [click](javascript:alert(4))" in html
    assert "**bold** $x^2$ :smile:" in html and "# Not a heading" in html
    assert "javascript:alert(6)" in html  # the article's address, shown as text


def test_markdown_citation_words_follow_the_language():
    markdown = excerpts_markdown([excerpt("Astana.", source="unknown")], title="t",
                                 words=CitationWords("article", "phrase", "inconnue"))
    assert "· inconnue ·" in markdown and "article art-1, phrase 4" in markdown


# --- names and labels ------------------------------------------------------------------------

def test_file_names_and_selection_words(seed_index):
    view = View(place="astana", theme="trade", q="a/b\\c", lang="fr", until=2024, article="x")
    assert file_stem(view) == "atlas-place-astana-theme-trade-q-search-until-2024"
    assert file_stem(View()) == "atlas"
    assert selection_params(view) == "place=astana&theme=trade&q=a%2Fb%5Cc&until=2024"
    assert selection_params(View(q="a&b c")) == "q=a%26b+c"  # reopens that search, not q=a and a stray b
    assert selection_label(view, seed_index) == "★ Astana · Commerce fluide · recherche « a/b\\c » · en 2024"
    assert selection_label(View(), seed_index) == "The whole map"


# --- the buttons -----------------------------------------------------------------------------

def download_buttons(at) -> dict[str, object]:
    return {button.proto.label: button.proto for button in at.get("download_button")}


def test_a_selection_offers_the_map_and_its_excerpts_without_rerunning():
    buttons = download_buttons(run_app({"place": "astana"}))
    assert list(buttons) == ["Map (HTML)", "Excerpts (CSV)", "Excerpts (Markdown)"]
    for proto in buttons.values():
        assert proto.ignore_rerun and proto.deferred_file_id  # made on click, no rerun


def test_the_buttons_speak_french_and_the_default_view_offers_the_map_only():
    assert list(download_buttons(run_app({"country": "KAZ", "lang": "fr"}))) == [
        "Carte (HTML)", "Extraits (CSV)", "Extraits (Markdown)"]
    assert list(download_buttons(run_app())) == ["Map (HTML)"]
