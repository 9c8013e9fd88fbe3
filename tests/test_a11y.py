"""Accessibility: excerpts marked with their language, the table view, and WCAG AA contrast."""

from __future__ import annotations

import re

import pytest

from tests.helpers import run_app, texts
from tests.helpers import Tables, contrast, html_of, over

TABLE_PAGE = "pages/table.py"


def test_an_excerpt_is_marked_with_its_language_in_the_panel():
    shown = texts(run_app({"place": "astana"}))
    assert '<span lang="fr">' in shown and 'title="French"' in shown and ">FR</span>" in shown
    assert "in French&#58;" in shown  # said by screen readers, hidden on screen
    assert 'title="français"' in texts(run_app({"place": "astana", "lang": "fr"}))


def test_a_map_popup_quote_is_marked_with_its_language():
    from present.map_model import theme_layers
    from geo.theme_layers import ThemeGroup
    from corpus.excerpts import build_index
    from tests.conftest import SEEDS

    layer = next(layer for layer in theme_layers(build_index(SEEDS), "en") if layer.slug == "trade")
    assert 'span lang=\\"fr\\">« ' in ThemeGroup(layer, name="trade").data_json


def test_the_table_view_lists_places_countries_and_themes_as_real_tables():
    at = run_app(page=TABLE_PAGE)
    assert at.title[0].value == "The atlas as tables"
    parsed = Tables(html_of(at))
    assert parsed.captions == ["Places on the map", "The six countries", "Cooperation themes"]
    assert ("col", "Place") in parsed.headers and ("row", "Astana") in parsed.headers
    assert ("row", "Kazakhstan") in parsed.headers and ("row", "Smooth trade") in parsed.headers
    assert "./table?place=astana" in parsed.links and "./?place=astana" in parsed.links
    assert not at.get("arrow_data_frame")  # no canvas grid: screen readers cannot read one


def test_the_table_view_shows_the_selections_excerpts_in_french_keeping_the_view():
    at = run_app({"place": "astana", "theme": "belt-and-road", "lang": "fr"}, page=TABLE_PAGE)
    parsed = Tables(html_of(at))
    assert parsed.captions[0].startswith("Extraits sur ★ Astana · Nouvelles routes de la soie")
    assert parsed.captions[1:] == ["Lieux de la carte", "Les six pays", "Thèmes de coopération"]
    assert ("col", "Extrait") in parsed.headers and ("row", "Pékin") in parsed.headers
    assert "fr" in parsed.langs
    assert any(link.startswith("./?place=astana&theme=belt-and-road&article=") and link.endswith("&lang=fr")
               for link in parsed.links)
    assert "./table?place=beijing&theme=belt-and-road&lang=fr" in parsed.links  # selecting another keeps the rest


@pytest.mark.parametrize("page", [TABLE_PAGE, "pages/about.py"])
def test_the_tables_escape_article_text(page, seeds_copy, monkeypatch):
    from tests.conftest import article_text

    hostile = '<img src=x onerror=alert(1)> </table><script>alert(2)</script> Astana'
    (seeds_copy / "hostile.md").write_text(article_text(hostile.replace('"', "'"), hostile + " commerce."))
    monkeypatch.setenv("ATLAS_SEEDS_DIR", str(seeds_copy))
    html = html_of(run_app({"place": "astana"}, page=page))
    assert "<img" not in html and "<script>alert" not in html and "</table><script" not in html
    assert "&lt;img src=x" in html or "&#60;img src&#61;x" in html


@pytest.mark.parametrize("page", [None, "pages/timeline.py", "pages/themes.py", TABLE_PAGE, "pages/about.py"])
def test_the_table_view_is_linked_from_every_page_with_the_view(page):
    at = run_app({"place": "astana", "lang": "fr"}, page=page)
    links = [link for link in at.get("page_link") if link.proto.label == "Vue en tableaux"]
    assert links and all("table" in link.proto.page for link in links)
    assert all(link.proto.query_string == "place=astana&lang=fr" for link in links)


# WCAG 2.x relative luminance and contrast ratio.
def test_the_contrast_formula():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


AA_TEXT, AA_LARGE_OR_GRAPHIC = 4.5, 3.0
WHITE = "#ffffff"


def map_land() -> str:
    """A country's fill as drawn: the land colour at its opacity over the sea (no tiles)."""
    from geo.atlas_map import COUNTRY_STYLE, PALETTE
    return over(PALETTE["land"], COUNTRY_STYLE["fillOpacity"], PALETTE["sea"])


def test_theme_badges_white_letters_and_their_shape_on_the_map():
    from corpus.themes import load_themes
    for theme in load_themes().values():
        assert contrast(WHITE, theme.color) >= AA_TEXT, theme.slug  # 10–11 px bold letters
        assert contrast(theme.color, map_land()) >= AA_LARGE_OR_GRAPHIC, theme.slug  # the badge on a country


@pytest.mark.parametrize(("what", "text", "background", "needed"), [
    ("place names", "ink", "land", AA_TEXT),
    ("place names over the sea", "ink", "sea", AA_TEXT),
    ("summit names", "summit_ink", "land", AA_TEXT),
    ("country names", "country_ink", "land", AA_TEXT),
    ("star on a summit pin", "white", "summit", AA_TEXT),
    ("summit pin", "summit", "land", AA_LARGE_OR_GRAPHIC),
    ("capital pin", "capital", "land", AA_LARGE_OR_GRAPHIC),
    ("city pin", "city", "land", AA_LARGE_OR_GRAPHIC),
    ("selected country's outline", "summit", "land", AA_LARGE_OR_GRAPHIC),
    ("country border", "border", "land", AA_LARGE_OR_GRAPHIC),
])
def test_map_colours(what, text, background, needed):
    from geo.atlas_map import PALETTE
    colours = {**PALETTE, "land": map_land()}
    assert contrast(colours[text], colours[background]) >= needed, what


def test_the_map_css_uses_the_tested_palette():
    from geo.atlas_map import _CSS, PALETTE
    written = {c.lower() for c in re.findall(r"#[0-9a-fA-F]{6}\b", _CSS)}
    assert written and written <= {c.lower() for c in PALETTE.values()}, written - set(PALETTE.values())


def test_the_legend_over_the_map():
    from geo.atlas_map import LEGEND_OPACITY, PALETTE
    legend = over(WHITE, LEGEND_OPACITY, PALETTE["sea"])
    assert contrast(PALETTE["ink"], legend) >= AA_TEXT
    for pin in ("summit", "capital", "city"):
        assert contrast(PALETTE[pin], legend) >= AA_LARGE_OR_GRAPHIC, pin


# Streamlit's light theme writes text in this colour on white (read in Chromium from stApp).
STREAMLIT_TEXT = "#2f2d2b"


def test_faded_text_in_the_page():
    from ui.atlas import CAPTION_OPACITY
    from present.markup import CITATION_OPACITY
    assert contrast(over(STREAMLIT_TEXT, CAPTION_OPACITY, WHITE), WHITE) >= AA_TEXT
    assert contrast(over(STREAMLIT_TEXT, CITATION_OPACITY, WHITE), WHITE) >= AA_TEXT


def test_the_primary_colour_of_the_streamlit_theme():
    import tomllib
    from tests.conftest import ROOT
    theme = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]
    assert contrast(theme["primaryColor"], WHITE) >= AA_TEXT  # the slider's value is written in it


def test_the_table_view_colours():
    from present.tables import COLOURS
    for background in (WHITE, COLOURS["header"], COLOURS["current"], COLOURS["mark"]):
        assert contrast(COLOURS["ink"], background) >= AA_TEXT, background
    for background in (WHITE, COLOURS["current"]):
        assert contrast(COLOURS["link"], background) >= AA_TEXT, background
