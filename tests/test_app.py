"""The pages through Streamlit's AppTest: link parameters → panel, simulated map clicks → URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SEEDS, article_text, index_of
from tests.helpers import click, map_component, params, run_app, texts

def test_default_view_shows_the_map_and_both_summits():
    at = run_app()
    assert at.title[0].value == "China–Central Asia Summit Atlas"
    assert not at.warning
    buttons = [b.label for b in at.button]
    assert any("Xi'an" in b and "18–19 May 2023" in b for b in buttons)
    assert any("Astana" in b and "17 June 2025" in b for b in buttons)
    component = map_component(at)
    assert component["js_links"] and all(link.startswith("../../app/static/") for link in component["js_links"])
    assert "Astana" in component["script"] and "Kazakhstan" in component["script"]


def test_place_link_opens_its_panel_with_cited_excerpts():
    at = run_app({"place": "astana"})
    assert at.subheader[0].value == "★ Astana"
    body = texts(at)
    assert "Treaty of eternal good-neighbourliness" in body
    assert "<mark>Astana</mark>" in body
    assert "GlobeNewswire" in body and "19 June 2025" in body
    assert any(b.label == "Open the article" for b in at.button)


def test_country_link_in_any_case_shows_the_country():
    at = run_app({"country": "kaz"})
    assert at.subheader[0].value == "Kazakhstan"
    assert "Capital: Astana" in texts(at)
    assert params(at) == {"country": "KAZ"}


def test_theme_link_shows_its_excerpts():
    at = run_app({"theme": "connectivity"})
    assert at.subheader[0].value == "Connectivity (pipelines, roads, railways)"
    assert "<mark>gazoducs</mark>" in texts(at)
    assert at.selectbox[0].value == "connectivity"


def test_search_link_finds_the_sentence():
    at = run_app({"q": "94,8 milliards"})
    assert "<mark>94</mark>,<mark>8</mark> <mark>milliards</mark>" in texts(at)
    assert at.text_input[0].value == "94,8 milliards"


def test_a_search_cut_at_its_limit_says_it_shows_the_latest(monkeypatch):
    from corpus import excerpts as excerpts_module
    from corpus import query as query_module
    at = run_app({"q": "Asie"})
    assert "The latest" not in texts(at) and "excerpt(s), best first." in texts(at)
    monkeypatch.setattr(query_module, "SEARCH_LIMIT", 2)
    monkeypatch.setattr(excerpts_module, "SEARCH_LIMIT", 2)
    at = run_app({"q": "Asie"})
    assert "The latest 2 of more sentences holding these words, latest first." in texts(at)


def test_article_link_opens_the_whole_article():
    at = run_app({"article": "000_cb61f1babf2667c4"})
    assert at.subheader[0].value == "Le Sommet Chine&#45;Asie centrale se tiendra les 18 et 19 mai à Xi’an"
    assert "Rapprochement depuis une dizaine d" in texts(at)
    back = next(b for b in at.button if b.label == "Back to the excerpts")
    back.click().run()
    assert params(at) == {} and "Rapprochement depuis une dizaine d" not in texts(at)


def test_an_article_opened_from_a_place_marks_that_place():
    at = run_app({"place": "xian", "article": "000_cb61f1babf2667c4"})
    assert "<mark>Xi’an</mark>" in texts(at)
    assert [s.value for s in at.subheader][:1] == ["★ Xi'an"] and at.subheader[1].value.startswith("Le Sommet")


def test_french_link_switches_the_interface():
    at = run_app({"lang": "fr", "place": "xian"})
    assert at.title[0].value == "Atlas des sommets Chine–Asie centrale"
    assert "Premier sommet Chine–Asie centrale, 18–19 mai 2023" in texts(at)
    assert "Pays" in map_component(at)["script"]


@pytest.mark.parametrize("query", [{"country": "XYZ"}, {"place": "atlantis"}, {"theme": "nope"},
                                   {"article": "missing"}, {"lang": "de"}, {"place": "astana", "theme": "<b>x</b>"}])
def test_bad_links_show_a_message_and_the_default_view(query):
    at = run_app(query)
    assert len(at.warning) == 1 and "cannot be shown" in at.warning[0].value
    assert "Click a country" in texts(at)
    assert params(at) == {}


def test_a_link_value_is_echoed_as_text():
    at = run_app({"theme": "<b>x</b>"})
    assert "<b>" not in at.warning[0].value and "&#60;b&#62;x&#60;/b&#62;" in at.warning[0].value


def test_clicking_the_astana_marker_selects_it_and_updates_the_url():
    at = click(run_app(), 51.1801, 71.4460, count=1)
    assert params(at) == {"place": "astana"}
    assert at.subheader[0].value == "★ Astana"


def test_clicking_inside_kazakhstan_selects_the_country():
    at = click(run_app({"place": "astana"}), 47.0, 67.0, count=1)
    assert params(at) == {"country": "KAZ"}
    assert at.subheader[0].value == "Kazakhstan"


def test_clicking_outside_the_six_changes_nothing_and_the_map_is_not_rebuilt():
    at = run_app({"place": "xian", "lang": "fr"})
    key = map_component(at)["key"]
    click(at, 55.75, 37.62, count=1)
    assert params(at) == {"place": "xian", "lang": "fr"}
    assert map_component(at)["key"] == key  # same component: no remount, no flicker


def test_a_later_selection_from_a_link_is_not_overridden_by_an_old_click():
    at = click(run_app(), 51.1801, 71.4460, count=1)
    at.query_params.clear()
    at.query_params["country"] = "UZB"
    at.run()
    assert at.subheader[0].value == "Uzbekistan"


def test_broken_and_hostile_articles(seeds_copy: Path, monkeypatch):
    (seeds_copy / "broken.md").write_bytes(b"---\ntitle: [\n---\n")
    hostile_title = '<script>alert("t")</script> [x](javascript:alert(1))'
    body = ('Astana hosts <img src=x onerror="alert(1)"> and [click](javascript:alert(2)) $x^2$ :smile:.\n\n'
            "<script>alert(3)</script> Kazakhstan.")
    (seeds_copy / "hostile.md").write_text(article_text(hostile_title.replace('"', "'"), body))
    monkeypatch.setenv("ATLAS_SEEDS_DIR", str(seeds_copy))
    at = run_app({"place": "astana"})
    warnings = [w.value for w in at.warning]
    assert warnings == ["1 file in the articles folder could not be read."]
    about = "\n".join(m.value for m in run_app(page="pages/about.py").markdown)
    assert "- **broken&#46;md**\n    - front matter is not valid YAML" in about
    shown = texts(at)
    assert "hosts" in shown
    for active in ("<img", "<script", "](javascript", "$x", ":smile:"):
        assert active not in shown
    assert "&#60;img src&#61;x onerror" in shown
    at = run_app({"article": "hostile"})
    assert "<script" not in at.subheader[0].value and "&#60;script&#62;" in at.subheader[0].value


def test_about_page_lists_the_articles_and_their_inferred_values():
    at = run_app(page="pages/about.py")
    from tests.helpers import Tables, html_of

    html = html_of(at)
    parsed = Tables(html)
    assert parsed.captions == ["The articles"]
    assert [text for scope, text in parsed.headers if scope == "col"] == [
        "Title", "Published", "Source", "Language", "Note", "Original address"]
    assert "<code>000_cb61f1babf2667c4</code>" in html  # the id, under its title
    assert len([scope for scope, _ in parsed.headers if scope == "row"]) == 3 and "inferred" in html
    assert "May 2023" in html and "French" in html and parsed.langs == ["fr", "fr", "fr"]


def test_about_page_keeps_the_view_and_language_of_the_link():
    at = run_app({"place": "astana", "lang": "fr"}, page="pages/about.py")
    assert at.title[0].value == "À propos de l’atlas"
    assert params(at) == {"place": "astana", "lang": "fr"}


def test_the_bad_link_message_survives_the_maps_first_rerun_and_goes_once_the_reader_moves_on():
    at = run_app({"country": "XYZ"})
    at.run()  # the map component reports its first value: the page runs again
    assert len(at.warning) == 1
    click(at, 51.1801, 71.4460, count=2)
    assert not at.warning and params(at) == {"place": "astana"}


def test_long_lists_show_the_best_first_and_more_on_request():
    from present.selection import selection_excerpts
    from present.view import View

    at = run_app({"country": "KAZ"})
    opened = [b for b in at.button if b.label == "Open the article"]
    total = len(selection_excerpts(View(country="KAZ"), index_of(SEEDS)))
    assert len(opened) == 6 and total > 12 and f"{total} excerpt(s)" in texts(at)
    at.button(key="more-excerpts").click().run()
    assert len([b for b in at.button if b.label == "Open the article"]) == 12


def test_a_theme_tints_its_countries_on_the_map_without_rebuilding_it():
    plain = run_app()
    themed = run_app({"theme": "belt-and-road"})
    assert map_component(plain)["key"] == map_component(themed)["key"]
    colour = '"fillColor": "#9a3412"'  # belt-and-road's colour, as a tint
    assert colour in map_component(themed)["feature_group"]
    assert colour not in (map_component(plain)["feature_group"] or "")


def test_a_filter_that_leaves_nothing_says_so_and_offers_everything_back():
    from present.selection import selection_excerpts
    from present.view import View

    total = len(selection_excerpts(View(place="xian"), index_of(SEEDS)))
    at = run_app({"place": "xian", "theme": "agriculture"})
    assert f"None of its {total} excerpt(s) match" in at.info[0].value
    next(b for b in at.button if b.label == f"Show all {total} excerpt(s)").click().run()
    assert params(at) == {"place": "xian"}


def test_a_theme_layer_badges_the_places_it_cites_most_and_every_country(tmp_path: Path, monkeypatch):
    """A large corpus ties a theme to many places: the map carries the most cited ones (their quotes
    travel with every rerun), every country and venue; the panel still lists them all."""
    from tests.conftest import article_text
    from corpus.build import build_index
    from present.map_model import MAX_THEME_PLACES, theme_layers

    cities = ["Almaty", "Shymkent", "Aktau", "Karaganda", "Osh", "Khujand", "Samarkand", "Bukhara", "Andijan",
              "Namangan", "Khiva", "Urumqi", "Kashgar", "Lanzhou", "Shanghai", "Bishkek", "Dushanbe", "Ashgabat",
              "Tashkent", "Beijing", "Turkmenbashi", "Türkmenabat"]
    for number, city in enumerate(cities):  # the later a city, the more sentences cite it with trade
        # China and Central Asia named: an article without that context has no theme
        body = " ".join(f"Trade between China and Central Asia grew in {city} in year {year}." for year in range(number + 1))
        (tmp_path / f"a{number}.md").write_text(article_text(city, body), encoding="utf-8")
    monkeypatch.setenv("ATLAS_SEEDS_DIR", str(tmp_path))
    at = run_app({"theme": "trade"})
    assert not at.exception
    index = build_index(tmp_path)
    trade = next(layer for layer in theme_layers(index, "en") if layer.slug == "trade")
    named = {badge.heading for badge in trade.badges}
    assert len(cities) > MAX_THEME_PLACES
    assert set(cities[-MAX_THEME_PLACES:]) <= named  # cited most
    assert not set(cities[:-MAX_THEME_PLACES]) & named
    assert {"Kazakhstan", "China", "Uzbekistan"} <= named  # every country it is tied to
    assert len(index.excerpts_for_theme("trade")) == sum(range(1, len(cities) + 1))


def test_a_country_without_sentences_on_a_theme_says_where_the_maps_theme_marks_come_from():
    """Kazakhstan and connectivity: the map has a badge at Astana (the summit) and corridors across
    the country, yet no sentence naming Kazakhstan speaks of it; the panel explains, and offers the theme."""
    at = run_app({"country": "KAZ", "theme": "connectivity"})
    assert "None of its" in at.info[0].value
    assert any("marks the summit where it was discussed" in c.value for c in at.caption)
    button = next(b for b in at.button if b.label.startswith("Show the") and "Connectivity" in b.label)
    button.click().run()
    assert params(at) == {"theme": "connectivity"}
    assert at.subheader[0].value == "Connectivity (pipelines, roads, railways)"


def test_a_search_that_finds_nothing_says_in_which_languages_the_articles_are():
    at = run_app({"q": "zeppelin"})  # "trade" finds the French "commerce" now (the search lexicon)
    assert "No sentence contains all of: zeppelin" in at.info[0].value
    assert any("the articles here are in: French" in c.value for c in at.caption)
