"""Dated events, key figures and theme ties found in the seed corpus, each traceable to its sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.figures import corpus_figures
from corpus.chronology import corpus_events
from geo.corridors import CORRIDORS_FILE, load_corridors
from tests.conftest import article_text, index_of


def test_timeline_has_the_milestones_in_order_with_their_evidence(seed_index):
    events = corpus_events(seed_index)
    by_date = {e.date: e for e in events}
    relations = by_date["1992"]
    assert relations.status == "inferred" and relations.basis == "years_before"
    assert relations.sentence.text[slice(*relations.span)] == "il y a 31 ans"
    assert by_date["2013"].status == "stated" and "Ceinture économique" in by_date["2013"].sentence.text
    assert "mécanisme" in by_date["2020"].sentence.text and "sommet virtuel" in by_date["2022"].sentence.text
    assert by_date["2023-05-18"].status in ("reference", "inferred")
    assert any(e.date == "2025-06-17" and e.status == "reference" for e in events)
    expected = by_date["2027"]
    assert expected.status == "expected" and "tous les deux ans" in expected.sentence.text
    assert dict(expected.values)["host"] == "china"


def test_datelines_and_addresses_are_not_events(seed_index):
    events = corpus_events(seed_index)
    assert not any(e.date == "2025-06-19" for e in events)  # "PÉKIN, 19 juin 2025 (GLOBE NEWSWIRE)"
    assert not any(e.sentence and "://" in e.sentence.text for e in events)


def test_english_dates_are_read_too(tmp_path: Path):
    (tmp_path / "a.md").write_text(article_text("T", "The leaders met on June 17, 2025 in Astana. Talks began in March 2024."))
    dates = [e.date for e in corpus_events(index_of(tmp_path)) if e.article and e.article.id == "a"]
    assert dates == ["2024-03", "2025-06-17"]


def test_key_figures_with_what_they_measure(seed_index):
    figures = {(f.value, f.kind): f for f in corpus_figures(seed_index)}
    trade = figures[(94.8, "amount")]
    assert (trade.scale, trade.unit, trade.about, trade.year) == ("billion", "USD", "trade", "2024")
    assert trade.sentence.text[slice(*trade.span)] == "94,8 milliards de dollars"
    assert figures[(30.0, "amount")].about == "investment"
    assert figures[(90.0, "percent")].about == "survey" and figures[(92.4, "percent")].about == "survey"


def test_the_three_centres_are_tied_to_the_astana_summit(seed_index):
    for slug in ("poverty-reduction", "desertification", "exchanges"):
        assert "astana" in seed_index.theme_ties(slug).venues
    assert seed_index.theme_ties("connectivity", until=2024).venues.keys() == {"xian"}


@pytest.mark.parametrize("until", [None, 2023, 2024, 2025])
def test_the_map_the_table_and_the_panel_agree_on_every_theme_and_country(seed_index, until):
    """The badges a theme puts on a country, the themes page's number and the panel that number
    opens count the same sentences: zeros included, at any date of the map."""
    from present.selection import selection_excerpts
    from present.view import View

    counts = seed_index.theme_country_counts(until)
    for slug in seed_index.themes:
        ties = seed_index.theme_ties(slug, until)
        for iso3 in seed_index.gazetteer.countries:
            shown = selection_excerpts(View(theme=slug, country=iso3, until=until), seed_index)
            on_map = {(s.article_id, s.number) for s in ties.countries.get(iso3, [])}
            assert len(shown) == counts.get((slug, iso3), 0) == len(on_map), (slug, iso3)
            assert {(e.article.id, e.sentence.number) for e in shown} == on_map


def test_every_corridor_is_marked_approximate_and_cites_a_public_source():
    features = json.loads(CORRIDORS_FILE.read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["kind"] for f in features} == {"gas-pipeline", "oil-pipeline", "highway", "railway"}
    for feature in features:
        assert feature["properties"]["approximate"] is True
        assert feature["properties"]["source_url"].startswith("https://")
    for lang in ("en", "fr"):
        assert all(c.name and c.status for c in load_corridors(lang))


def test_every_theme_has_terms_labels_a_legible_symbol_and_an_excerpt(seed_index):
    from tests.helpers import contrast
    from present.strings import LANGUAGES
    assert len(seed_index.themes) == 11
    codes = [theme.code for theme in seed_index.themes.values()]
    assert len(set(codes)) == 11 and len({t.color for t in seed_index.themes.values()}) == 11
    for theme in seed_index.themes.values():
        assert theme.terms and all(theme.label(lang) for lang in LANGUAGES)
        assert contrast("#ffffff", theme.color) >= 4.5, theme.slug  # white letters (tests/test_a11y.py: the rest)
        assert seed_index.excerpts_for_theme(theme.slug), theme.slug


def test_dates_that_are_not_events_or_not_real_are_handled(tmp_path: Path):
    body = ("BEIJING, June 19, 2025 (GLOBE NEWSWIRE) — Talks went on. It hosts 2000 students. Prices may 2030 grow. "
            "A city founded 3,000 years ago. Talks from June 16 to 18 in Astana. On 31 February 2024 nothing happened.")
    (tmp_path / "a.md").write_text(article_text("T", body, published="2025-06-20"))
    dates = {e.date: e for e in corpus_events(index_of(tmp_path)) if e.article and e.article.id == "a"}
    assert set(dates) == {"2025-06-16", "2024-02"}
    assert dates["2025-06-16"].status == "inferred"


def test_figures_read_numbers_as_their_language_writes_them(tmp_path: Path):
    (tmp_path / "en.md").write_text(article_text(
        "T", "Trade reached $30 billion in 2024. Exports of 1,500 million dollars. Some 3 million people came."))
    (tmp_path / "fr.md").write_text(article_text(
        "T", "Le commerce a atteint 1 200 milliards de dollars. En 2013, 10 % des sondés, et en 2024 40 %.", language="fr"))
    found = {(f.article.id, f.value, f.scale, f.year) for f in corpus_figures(index_of(tmp_path))}
    assert found == {("en", 30.0, "billion", "2024"), ("en", 1500.0, "million", ""),
                     ("fr", 1200.0, "billion", ""), ("fr", 10.0, "", "2013"), ("fr", 40.0, "", "2024")}


def test_a_railway_under_construction_is_not_on_a_map_of_before_its_works():
    from geo.layers import corridor_lines

    corridors = tuple(load_corridors("en"))
    ids = lambda until: {line["className"].split()[-1] for line in corridor_lines(corridors, "", until)}
    assert "atlas-corridor-china-kyrgyzstan-uzbekistan-railway" in ids(None) | ids(2024)
    assert ids(2010) == {"atlas-corridor-central-asia-china-gas-pipeline", "atlas-corridor-kazakhstan-china-oil-pipeline"}


def test_hostile_article_text_stays_text_in_theme_popups(tmp_path: Path):
    from geo.layers import ThemeGroup
    from present.map_model import theme_layers

    hostile = '<img src=x onerror=alert(1)></script><script>alert(2)</script> commerce [x](javascript:alert(3))'
    (tmp_path / "h.md").write_text(article_text(hostile.replace('"', "'"), hostile + " Kazakhstan."))
    index = index_of(tmp_path)
    layer = next(layer for layer in theme_layers(index, "en") if layer.slug == "trade")
    group = ThemeGroup(layer, name="trade")
    assert "<" not in group.data_json  # no '<' in the script: nothing there can open or close an element
    assert any(quote[0].startswith(hostile) for quote in group.data["quotes"])  # as typed: set as text


@pytest.mark.parametrize("until", [None, 2023])
def test_a_theme_panels_groups_add_up_to_the_one_theme_count(seed_index, until):
    """The theme panel groups its excerpts by the countries each is tied to: the groups hold the
    theme's sentences once each, and those holding a country add up to that country's cell."""
    from corpus.analysis import REGION_GROUP
    from corpus.gazetteer import CENTRAL_ASIA

    counts = seed_index.theme_counts(until)
    for slug in seed_index.themes:
        groups = seed_index.excerpts_for_theme(slug).published_by(until).by_countries_named()
        assert sum(len(group) for group in groups.values()) == counts.sentences.get(slug, 0)
        for iso3 in seed_index.gazetteer.countries:
            holding = sum(len(group) for key, group in groups.items()
                          if iso3 in key or (REGION_GROUP in key and iso3 in CENTRAL_ASIA))
            assert holding == counts.countries.get((slug, iso3), 0), (slug, iso3)


def test_the_builder_keeps_the_timelines_groups_and_a_restart_reads_them(tmp_path: Path, monkeypatch):
    """100,000 articles have hundreds of thousands of dated sentences: grouping them is seconds, so
    the builder does it once and a new index (a restart) reads what it kept, for its own state only."""
    import shutil

    from corpus.build import build_index, load_index
    from corpus.chronology import stored_groups, timeline_entries
    from corpus.reading import reading_of
    from corpus.store import CorpusStore
    from tests.conftest import SEEDS

    for path in SEEDS.glob("*.md"):
        shutil.copy(path, tmp_path / path.name)
    built = build_index(tmp_path)
    worked_out = timeline_entries(built, reading_of(built).summits)
    assert CorpusStore(tmp_path).kept("timeline")
    restarted = load_index(CorpusStore(tmp_path))
    with monkeypatch.context() as m:  # what was kept, not the dated rows again
        m.setattr(restarted, "dated_events", lambda: pytest.fail("grouped the dated sentences again"))
        assert timeline_entries(restarted, reading_of(restarted).summits) == worked_out
    # an article added: the kept groups are of another state, and the builder keeps new ones
    (tmp_path / "added.md").write_text(article_text(
        "Added", "Les dirigeants ont inauguré le 3 mars 2026 un nouveau poste-frontière à Khorgos.",
        published="2026-03-04"), encoding="utf-8")
    other = load_index(CorpusStore(tmp_path))
    other.state = "another state of the rows"
    grouped = []
    real = other.dated_events
    monkeypatch.setattr(other, "dated_events", lambda: grouped.append(1) or real())
    assert stored_groups(other) == stored_groups(restarted) and grouped  # worked out again, not taken as kept
    rebuilt = build_index(tmp_path)
    with monkeypatch.context() as m:
        m.setattr(rebuilt, "dated_events", lambda: pytest.fail("grouped the dated sentences again"))
        dates = [e.date for e in timeline_entries(rebuilt, reading_of(rebuilt).summits)]
    assert "2026-03-03" in dates and "2026-03-03" not in [e.date for e in worked_out]
