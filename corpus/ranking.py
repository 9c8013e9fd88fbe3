"""Excerpts for a place, a country, a theme or a person as a panel lists them, best first, read
closely: the store keeps each sentence's place in every panel (`corpus.analysis.Analyser.panel_rows`),
so that a panel is a scan of the store's index, here given what to highlight:

- only content counts: a caption, metadata, boilerplate or a dateline never ranks ("PÉKIN, 19 juin"
  says where a story was filed, not that it is about Beijing);
- a summit venue also has the sentences about its summit that do not name it, and what was signed,
  agreed or created there comes first;
- specific before general: a sentence naming one country ranks above one listing all five;
- a person: their quoted words first, then their reported words, then the sentences naming them.

`CorpusIndex` keeps its own ranking for the map's theme ties; these are what a panel lists.
"""

from __future__ import annotations

from corpus.excerpts import Excerpts, Sentence
from corpus.reading import CorpusReading
from corpus.text import merge_spans


def place_excerpts(reading: CorpusReading, slug: str) -> Excerpts:
    return reading.index.panel(("place", slug), lambda sentence: _named(reading, sentence, "place", {slug}))


def country_excerpts(reading: CorpusReading, iso3: str) -> Excerpts:
    keys = reading.index.country_strengths(iso3)
    return reading.index.panel(("country", iso3), lambda sentence: _named(reading, sentence, None, keys))


def theme_excerpts(reading: CorpusReading, slug: str) -> Excerpts:
    """A theme's sentences that are content, in the index's order for the theme."""
    return reading.index.panel(("theme", slug), lambda sentence: _named(reading, sentence, "theme", {slug}))


def person_excerpts(reading: CorpusReading, slug: str) -> Excerpts:
    def spans(sentence: Sentence) -> tuple[tuple[int, int], ...]:
        return merge_spans((m.start, m.end) for m in reading.people_in(sentence) if m.slug == slug)

    return reading.index.panel(("person", slug), spans)


def _named(reading: CorpusReading, sentence: Sentence, kind: str | None, keys) -> tuple[tuple[int, int], ...]:
    """The words naming the selection, outside the dateline (a theme found by meaning has none)."""
    after = reading.role(sentence).dateline_end
    return merge_spans((m.start, m.end) for m in sentence.mentions if m.start >= after and m.end > m.start
                       and ((m.kind, m.key) in keys if kind is None else m.kind == kind and m.key in keys))
