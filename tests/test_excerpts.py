"""Places, countries, region and themes found in the text, and excerpts ranked for a selection."""

from __future__ import annotations

from pathlib import Path

from corpus.analysis import DIRECT, VIA_PLACE, VIA_REGION
from corpus.text import fold
from tests.conftest import article_text, index_of


def marked(excerpt) -> list[str]:
    return [excerpt.text[s:e] for s, e in excerpt.highlights]


def test_the_seeds_name_both_venues_and_beijing(seed_index):
    assert {"astana", "xian", "beijing"} <= seed_index.mentioned_places()


def test_astana_excerpts_include_the_capital_of_kazakhstan_phrase(seed_index):
    excerpts = seed_index.excerpts_for_place("astana")
    texts = [e.sentence.text for e in excerpts]
    assert any(t.startswith("C’est en 2013 dans la capitale du Kazakhstan") for t in texts)
    assert all(marked(e) for e in excerpts)
    assert len({(e.article.id, e.sentence.number) for e in excerpts}) == len(excerpts)  # each sentence once


def test_xian_is_found_in_all_three_articles_with_its_typographic_apostrophe(seed_index):
    excerpts = seed_index.excerpts_for_place("xian")
    assert {e.article.id[:3] for e in excerpts} == {"000", "002", "003"}
    assert all("Xi’an" in marked(e) for e in excerpts)


def test_direct_mentions_rank_above_places_and_the_region(seed_index):
    excerpts = seed_index.excerpts_for_country("KAZ")
    strengths = [e.strength for e in excerpts]
    assert strengths == sorted(strengths, reverse=True)
    assert {DIRECT, VIA_REGION} <= set(strengths)
    assert "kazakh" in marked(next(e for e in excerpts if "président kazakh" in e.text))
    region_only = [e for e in excerpts if e.strength == VIA_REGION]
    region_words = {fold(w).text.replace("-", " ") for e in region_only for w in marked(e)}
    assert region_only and region_words <= {"asie centrale", "central asia"}


def test_a_city_counts_for_its_country_below_a_direct_mention(tmp_path: Path):
    (tmp_path / "a.md").write_text(article_text("T", "Talks were held in Tashkent on Monday. Uzbekistan agreed."))
    excerpts = index_of(tmp_path).excerpts_for_country("UZB")
    assert [(e.strength, marked(e)) for e in excerpts] == [(DIRECT, ["Uzbekistan"]), (VIA_PLACE, ["Tashkent"])]


def test_china_gets_no_region_mentions(seed_index):
    assert all(e.strength == DIRECT for e in seed_index.excerpts_for_country("CHN"))


def test_every_theme_has_an_excerpt_in_the_seed_corpus(seed_index):
    missing = [slug for slug in seed_index.themes if not seed_index.excerpts_for_theme(slug)]
    assert missing == []


def test_connectivity_finds_pipelines_and_roads(seed_index):
    words = {w.lower() for e in seed_index.excerpts_for_theme("connectivity") for w in marked(e)}
    assert {"gazoducs", "oléoducs", "autoroutes", "connectivité"} <= words


def test_search_needs_every_word_ignoring_case_and_accents(seed_index):
    results = seed_index.search("COMMERCE record")
    assert len(results) == 1 and "94,8 milliards" in results[0].text
    assert [w.lower() for w in marked(results[0])] == ["commerce", "record"]
    assert seed_index.search("pekin")[0].text.startswith("PÉKIN")
    assert seed_index.search("zzz nothing") == []
    assert seed_index.search(" ' ") == []


def test_short_sentences_come_with_their_neighbours(tmp_path: Path):
    body = "The leaders arrived on Monday for a long day of talks. They met in Bishkek. Talks went on late into the night."
    (tmp_path / "a.md").write_text(article_text("T", body))
    excerpt, = index_of(tmp_path).excerpts_for_place("bishkek")
    assert excerpt.sentence.text == "They met in Bishkek."
    assert excerpt.text == body
    assert marked(excerpt) == ["Bishkek"]


def test_a_new_english_article_is_found_without_code_change(tmp_path: Path):
    body = ("Kazakh and Chinese officials met in Almaty to discuss a new railway and gas pipelines.\n\n"
            "The Central Asian states also signed education exchange agreements with Beijing.")
    (tmp_path / "en_article.md").write_text(article_text("Rail talks", body))
    index = index_of(tmp_path)
    assert {"almaty", "beijing"} <= index.mentioned_places()
    assert index.excerpts_for_place("almaty")[0].article.id == "en_article"
    assert index.excerpts_for_country("KAZ")[0].strength == DIRECT
    assert index.excerpts_for_theme("connectivity") and index.excerpts_for_theme("exchanges")
    assert index.excerpts_for_country("TJK")[0].strength == VIA_REGION


def test_search_matches_the_sentence_itself_not_the_context_shown_around_it(tmp_path: Path):
    body = "The leaders arrived on Monday for talks. They met in Bishkek. Talks went on late into the night."
    (tmp_path / "a.md").write_text(article_text("T", body))
    index = index_of(tmp_path)
    found = index.search("Bishkek")
    assert [e.sentence.text for e in found] == ["They met in Bishkek."]
    assert [e.text[s:e_] for e in found for s, e_ in e.highlights] == ["Bishkek"]
    assert index.search("Monday night") == []


def test_importance_is_not_trade(seed_index):
    words = {w.lower() for e in seed_index.excerpts_for_theme("trade") for w in marked(e)}
    assert not any(w.startswith("importan") for w in words)
    assert "commerce" in words


def test_a_month_only_date_ranks_before_days_of_that_month(tmp_path: Path):
    (tmp_path / "early.md").write_text(article_text("T", "Astana again.", published="2023-05"))
    (tmp_path / "later.md").write_text(article_text("T", "Astana again.", published="2023-05-18"))
    assert [e.article.id for e in index_of(tmp_path).excerpts_for_place("astana")] == ["later", "early"]
