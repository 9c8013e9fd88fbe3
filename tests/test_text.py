"""Folding, term patterns and sentence splitting."""

from __future__ import annotations

import re

from corpus.text import fold, merge_spans, split_sentences, term_pattern


def test_fold_strips_case_accents_and_apostrophe_style_and_keeps_offsets():
    text = "PÉKIN et d’Astana, œuvre"
    folded = fold(text)
    assert folded.text == "pekin et d'astana, oeuvre"
    start = folded.text.index("astana")
    assert text[slice(*folded.span_in_original(start, start + 6))] == "Astana"
    assert text[slice(*folded.span_in_original(19, 21))] == "œ"


def test_term_pattern_matches_whole_words_with_optional_endings():
    assert re.findall(term_pattern("gazoduc*"), fold("Les Gazoducs et les oléoducs").text) == ["gazoducs"]
    assert not re.search(term_pattern("BRI"), fold("un abri fabriqué").text)
    assert re.search(term_pattern("Xi’an"), fold("à Xi'an, en Chine").text)
    assert re.search(term_pattern("échanges de personnel"), fold("les Échanges  de\npersonnel").text)


def test_sentences_split_at_ends_but_not_at_abbreviations_or_decimals():
    paragraph = ("M. Xi a parlé. Le commerce a atteint 94,8 milliards de dollars en 2024. "
                 "« Nous pensons », a déclaré Lin. 90 % des personnes interrogées.")
    sentences = [paragraph[s:e] for s, e in split_sentences(paragraph)]
    assert sentences == [
        "M. Xi a parlé.",
        "Le commerce a atteint 94,8 milliards de dollars en 2024.",
        "« Nous pensons », a déclaré Lin.",
        "90 % des personnes interrogées.",
    ]


def test_merge_spans_joins_overlaps():
    assert merge_spans([(5, 9), (0, 3), (2, 4), (8, 12)]) == ((0, 4), (5, 12))
