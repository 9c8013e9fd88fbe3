"""Timeline, themes and the theme/date views of the map, through AppTest, in both languages."""

from __future__ import annotations

import re

import pytest

from corpus.themes import load_themes
from tests.helpers import map_component, params, run_app, texts

THEMES = load_themes()


@pytest.mark.parametrize("slug", sorted(THEMES))
def test_every_theme_link_opens_its_panel_and_its_map_layer(slug):
    at = run_app({"theme": slug})
    theme = THEMES[slug]
    assert at.subheader[0].value == theme.label_en
    component = map_component(at)
    assert f'"className": "atlas-theme atlas-theme-{slug}"' in component["feature_group"]
    assert f'"{theme.code} \\u00b7 {theme.label_en}" : theme_group' in component["script"]  # layer control


def test_connectivity_draws_the_corridors_as_approximate_lines():
    component = map_component(run_app({"theme": "connectivity"}))
    assert component["feature_group"].count("atlas-corridor-") == 4
    assert "approximate route, not from the articles" in component["feature_group"]


def test_the_date_control_shows_the_map_as_of_a_year():
    at = run_app({"until": "2020"})
    script = map_component(at)["script"]
    assert script.count('atlas-upcoming"') == 2  # neither summit held yet
    assert "Summit not yet held" in script  # the legend explains the dashed star (briefly: a wide legend covered Astana)
    at = run_app({"until": "2024", "theme": "connectivity"})
    assert map_component(at)["script"].count('atlas-upcoming"') == 1
    lines = map_component(at)["feature_group"]
    assert "western-europe-western-china-highway" in lines
    at = run_app({"until": "2010", "theme": "connectivity"})
    assert "western-europe-western-china-highway" not in map_component(at)["feature_group"]
    assert at.slider[0].value == 2010


def test_moving_the_date_control_writes_the_url():
    at = run_app({"place": "astana"})
    at.slider[0].set_value(2023).run()
    assert params(at) == {"place": "astana", "until": "2023"}


@pytest.mark.parametrize("value", ["1800", "20x5", "999999", "-1"])
def test_a_bad_year_falls_back_with_a_message(value):
    at = run_app({"until": value})
    assert "cannot be shown" in at.warning[0].value and params(at) == {}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_timeline_page(lang):
    at = run_app({"lang": lang}, page="pages/timeline.py")
    shown = texts(at)
    assert "<mark>il y a 31 ans</mark>" in shown and "<mark>2013</mark>" in shown
    assert ("31 years before" if lang == "en" else "31 ans avant") in shown
    assert any("2027" in m.value for m in at.markdown)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_themes_page_figures_and_table(lang):
    at = run_app({"lang": lang}, page="pages/themes.py")
    values = [m.value for m in at.metric]
    assert ("94.8 bn USD" if lang == "en" else "94,8 Md USD") in values
    table = next(m.value for m in at.markdown if m.value.startswith("| |"))
    prefix = "lang=fr&" if lang == "fr" else ""
    # four sentences say trade in words; the theme model may add one ("une coopération bilatérale
    # approfondie…" is tagged trade by meaning: a known false theme, BENCHMARKS.md)
    counts = re.findall(rf"\[(\d+)\]\(\./\?{re.escape(prefix)}theme=trade&country=CHN\)", table)
    assert counts and int(counts[0]) >= 4


def test_a_theme_table_link_opens_the_same_count_on_the_map(seed_index):
    at = run_app({"theme": "trade", "country": "CHN"})
    assert f"{seed_index.theme_country_counts()[('trade', 'CHN')]} excerpt(s)" in texts(at)


def test_a_theme_panel_groups_its_excerpts_by_the_countries_they_name():
    at = run_app({"theme": "belt-and-road"})
    headings = [m.value for m in at.markdown if m.value.startswith("#####")]
    assert headings == ["##### China · Central Asia as a whole (2)", "##### Kazakhstan (1)",
                        "##### Central Asia as a whole (1)", "##### No country named (2)"]  # not the intertitle
    total = sum(int(h.rsplit("(", 1)[1].rstrip(")")) for h in headings)
    assert total == len([b for b in at.button if b.label == "Open the article"]) == 6


@pytest.mark.parametrize("page", ["pages/timeline.py", "pages/themes.py"])
def test_hostile_article_text_stays_text_on_the_pages(page, seeds_copy, monkeypatch):
    from tests.conftest import article_text

    hostile = '<img src=x onerror=alert(1)> [x](javascript:alert(2)) | a | b |'
    # a dated event (the timeline) and a figure (the themes page): a statistic's year is not an event
    body = f"En 2024, un forum {hostile} s’est tenu au Kazakhstan. Le commerce a atteint 5 milliards de dollars {hostile}."
    (seeds_copy / "hostile.md").write_text(article_text(hostile.replace("|", "/"), body, language="fr"))
    monkeypatch.setenv("ATLAS_SEEDS_DIR", str(seeds_copy))
    at = run_app(page=page)
    shown = texts(at)
    assert "&#60;img src&#61;x onerror" in shown
    assert "<img" not in shown and "](javascript" not in shown


@pytest.mark.parametrize("path, shown_first, step", [("pages/timeline.py", 50, 50), ("pages/about.py", 100, 100),
                                                     ("pages/table.py", 50, 50)])
def test_long_pages_draw_a_first_part_and_more_on_request(path, shown_first, step, tmp_path, monkeypatch):
    """A large corpus has thousands of events and articles: a page draws the first part, more on request."""
    from bench.make_corpus import write_corpus
    from corpus.build import build_index
    from present.timeline import all_entries

    write_corpus(130, tmp_path)
    monkeypatch.setenv("ATLAS_SEEDS_DIR", str(tmp_path))
    index = build_index(tmp_path)
    total = {"pages/timeline.py": len(all_entries(index)), "pages/about.py": len(index.corpus.articles),
             "pages/table.py": len(index.excerpts_for_country("KAZ"))}[path]
    assert total > shown_first

    def drawn(at) -> int:
        if "timeline" in path:
            # each event: its date and its title, each in bold alone (article text is inert: no stray **)
            return sum(1 for m in at.markdown if m.value.startswith("**") and m.value.endswith("**")) // 2
        table = "atlas-articles" if "about" in path else "atlas-excerpts"
        return next(h.proto.body for h in at.get("html") if table in h.proto.body).count("<tr") - 1

    at = run_app({"country": "KAZ"} if "table" in path else {}, page=path)
    assert drawn(at) == shown_first
    more = next(b for b in at.button if b.label.startswith("Show"))
    assert more.label == f"Show {min(step, total - shown_first)} more"
    more.click().run()
    assert drawn(at) == min(total, shown_first + step)


@pytest.mark.parametrize("slug", ["peace-stability", "trade"])
def test_the_themes_page_the_table_view_and_the_panel_count_a_themes_sentences_alike(slug):
    """Issue 11: the themes page's chart counted 30 for peace and stability (a sentence once per
    country it speaks of) where the table view counted 6. One count now: the themes page's total,
    the table view's number and the theme panel's excerpts are the same."""
    import re

    from tests.test_a11y import html_of

    theme = THEMES[slug]
    rows = [line for m in run_app(page="pages/themes.py").markdown for line in m.value.splitlines()
            if line.startswith(f"| **{theme.code}** {theme.label_en} |")]
    themes_page = int(re.match(r"\[(\d+)\]", rows[0].split(" | ")[1]).group(1))
    table_view = re.search(rf">{re.escape(theme.label_en)}</a></th><td>{theme.code}</td><td>(\d+)</td>",
                           html_of(run_app(page="pages/table.py")))
    panel = re.search(r"(\d+) excerpt\(s\)", texts(run_app({"theme": slug})))
    assert themes_page == int(table_view.group(1)) == int(panel.group(1)) > 0


@pytest.mark.parametrize("page", [None, "pages/timeline.py", "pages/summits.py", "pages/themes.py"])
def test_no_markdown_shows_the_escaping_as_text(page):
    """`inert` escapes with HTML (entities, an empty span splitting "3:" or "a@b"): a Markdown
    element holding it must allow HTML, or the reader sees "<span></span>" ("Summit number
    3<span></span>: expected in 2027" on the timeline)."""
    at = run_app({"place": "astana"} if page is None else {}, page=page)
    shown = [m for m in at.markdown if "<span></span>" in m.value or "&#" in m.value]
    assert shown, "no escaped text on the page: the test would prove nothing"
    assert all(m.proto.allow_html for m in shown), [m.value[:80] for m in shown if not m.proto.allow_html]
