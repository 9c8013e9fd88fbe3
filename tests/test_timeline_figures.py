"""Dated events, key figures and theme ties found in the seed corpus, each traceable to its sentence."""

from __future__ import annotations

import json
from pathlib import Path

from corpus.figures import corpus_figures
from corpus.timeline import corpus_events
from geo.theme_layers import CORRIDORS_FILE, load_corridors
from tests.conftest import article_text, index_of


def test_timeline_has_the_milestones_in_order_with_their_evidence(seed_index):
    events = corpus_events(seed_index)
    assert [e.date for e in events] == sorted(e.date for e in events)
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


def test_theme_country_counts_match_what_the_panel_shows(seed_index):
    counts = seed_index.theme_country_counts()
    for (slug, iso3), n in counts.items():
        about_theme = {(e.article.id, e.sentence.number) for e in seed_index.excerpts_for_theme(slug)}
        shown = [e for e in seed_index.excerpts_for_country(iso3) if (e.article.id, e.sentence.number) in about_theme]
        assert len(shown) == n, (slug, iso3)


def test_every_corridor_is_marked_approximate_and_cites_a_public_source():
    features = json.loads(CORRIDORS_FILE.read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["kind"] for f in features} == {"gas-pipeline", "oil-pipeline", "highway", "railway"}
    for feature in features:
        assert feature["properties"]["approximate"] is True
        assert feature["properties"]["source_url"].startswith("https://")
    for lang in ("en", "fr"):
        assert all(c.name and c.status for c in load_corridors(lang))


def _contrast_on_white(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(int(colour[i:i + 2], 16) / 255) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def test_every_theme_has_terms_labels_a_legible_symbol_and_an_excerpt(seed_index):
    from ui.strings import LANGUAGES
    assert len(seed_index.themes) == 11
    codes = [theme.code for theme in seed_index.themes.values()]
    assert len(set(codes)) == 11 and len({t.color for t in seed_index.themes.values()}) == 11
    for theme in seed_index.themes.values():
        assert theme.terms and all(theme.label(lang) for lang in LANGUAGES)
        assert _contrast_on_white(theme.color) >= 4.5, theme.slug  # white letters on the badge
        assert seed_index.excerpts_for_theme(theme.slug), theme.slug
