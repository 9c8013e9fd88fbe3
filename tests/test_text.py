"""Folding, term patterns and sentence splitting."""

from __future__ import annotations


from corpus.text import fold, fold_word, merge_spans, split_sentences, words


def test_fold_strips_case_accents_and_apostrophe_style_and_keeps_offsets():
    text = "PÉKIN et d’Astana, œuvre"
    folded = fold(text)
    assert folded.text == "pekin et d'astana, oeuvre"
    start = folded.text.index("astana")
    assert text[slice(*folded.span_in_original(start, start + 6))] == "Astana"
    assert text[slice(*folded.span_in_original(19, 21))] == "œ"


def test_words_split_at_apostrophes_and_hyphens_and_keep_offsets():
    text = "d’Astana, Nour-Soultan et Xi'an (30ᵉ)"
    assert [text[s:e] for s, e in words(text)] == ["d", "Astana", "Nour", "Soultan", "et", "Xi", "an", "30ᵉ"]
    assert fold_word("PÉKIN") == "pekin"


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


def test_sentences_keep_french_abbreviations_ordinals_and_quotes_together():
    paragraph = ("Le 30ᵉ anniversaire a été célébré. M. Tokaïev et Mme Li ont parlé. En 300 av. J.-C. la route "
                 "existait. « Est-ce possible ? » a demandé le ministre. Voir p. 12 du rapport.")
    assert [paragraph[s:e] for s, e in split_sentences(paragraph, "fr")] == [
        "Le 30ᵉ anniversaire a été célébré.", "M. Tokaïev et Mme Li ont parlé.",
        "En 300 av. J.-C. la route existait.", "« Est-ce possible ? » a demandé le ministre.",
        "Voir p. 12 du rapport.",
    ]


def test_english_sentences_keep_titles_initials_and_decimals_together():
    paragraph = 'Mr. Tokayev met Dr. Li in the U.S. capital on Jan. 5. Trade hit $94.8 billion. "Will it work?" he asked.'
    assert [paragraph[s:e] for s, e in split_sentences(paragraph, "en")] == [
        "Mr. Tokayev met Dr. Li in the U.S. capital on Jan. 5.", "Trade hit $94.8 billion.",
        '"Will it work?" he asked.',
    ]


def test_a_credit_after_a_caption_stays_with_it_and_spans_point_into_the_paragraph():
    paragraph = "  Une vue de la tour Baiterek à Astana, 3 juillet 2024. / VCG  "
    (start, end), = split_sentences(paragraph, "fr")
    assert paragraph[start:end] == "Une vue de la tour Baiterek à Astana, 3 juillet 2024. / VCG"
    assert split_sentences("   ", "fr") == [] and split_sentences("Sans point final", "fr") == [(0, 16)]
