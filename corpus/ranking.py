"""Excerpts for a place, a country or a person, best first, read closely (`corpus.reading`):

- only content counts: a caption, metadata, boilerplate or a dateline never ranks ("PÉKIN, 19 juin"
  says where a story was filed, not that it is about Beijing);
- a summit venue also has the sentences about its summit that do not name it, and what was signed,
  agreed or created there comes first;
- specific before general: a sentence naming one country ranks above one listing all five;
- a person: their quoted words first, then their reported words, then the sentences naming them.

Each ranking is worked out once per reading. `CorpusIndex` keeps its own ranking for the map's
theme ties; this module only reorders and extends what a panel lists.
"""

from __future__ import annotations

from corpus.analysis import DIRECT, VIA_REGION
from corpus.excerpts import Excerpts, Sentence
from corpus.outcomes import outcome_of
from corpus.reading import CorpusReading
from corpus.text import merge_spans

BROAD = 3  # countries named: from this many on, a sentence speaks of the region more than of one of them


def _breadth(reading: CorpusReading, sentence: Sentence) -> int:
    return len(reading.index.countries_named(sentence))


def _cached(reading: CorpusReading, key: tuple, make) -> Excerpts:
    if key not in reading.ranked:
        reading.ranked[key] = make()
    return reading.ranked[key]


def place_excerpts(reading: CorpusReading, slug: str) -> Excerpts:
    return _cached(reading, ("place", slug), lambda: _place(reading, slug))


def _place(reading: CorpusReading, slug: str) -> Excerpts:
    index = reading.index
    named = [s for s in index.mentioning("place", slug) if reading.counts_for(s, "place", slug)]
    about = reading.summit_sentences(slug) if index.gazetteer.places[slug].summit else []
    entries = {}
    for sentence in [*named, *about]:
        role = reading.role(sentence)
        spans = merge_spans((m.start, m.end) for m in sentence.mentions
                            if m.kind == "place" and m.key == slug and m.start >= role.dateline_end)
        entries[sentence.id] = (sentence, spans, DIRECT)
    recency = _recency(reading)

    def order(entry):
        sentence = entry[0]
        outcome = outcome_of(sentence.text) if reading.summit(sentence) == slug else None
        return (outcome is None, _breadth(reading, sentence) >= BROAD, recency[sentence.article_id], sentence.number)

    return index.listed(sorted(entries.values(), key=order))


def country_excerpts(reading: CorpusReading, iso3: str) -> Excerpts:
    return _cached(reading, ("country", iso3), lambda: _country(reading, iso3))


def _country(reading: CorpusReading, iso3: str) -> Excerpts:
    index = reading.index
    strengths = index.country_strengths(iso3)
    entries = []
    for sentence in index.excerpts_for_country(iso3).sentences():  # by name, through a city, as the region
        role = reading.role(sentence)
        if not role.content:
            continue
        matched = [(strengths.get((m.kind, m.key), 0), m) for m in sentence.mentions if m.start >= role.dateline_end]
        matched = [(strength, m) for strength, m in matched if strength]
        if not matched:
            continue  # named only in the dateline
        best = max(strength for strength, _ in matched)
        entries.append((sentence, merge_spans((m.start, m.end) for _, m in matched), best))
    recency = _recency(reading)

    def order(entry):
        sentence, _, strength = entry
        breadth = _breadth(reading, sentence)
        # what is said of this country (by name or through a city), then the lists naming it among
        # others, then the region as a whole
        tier = 2 if strength == VIA_REGION else 1 if breadth >= BROAD else 0
        return tier, -strength, breadth, recency[sentence.article_id], sentence.number

    entries.sort(key=order)
    return index.listed(entries)


def person_excerpts(reading: CorpusReading, slug: str) -> Excerpts:
    return _cached(reading, ("person", slug), lambda: _person(reading, slug))


def _person(reading: CorpusReading, slug: str) -> Excerpts:
    recency = _recency(reading)
    entries = []
    for group, sentences in enumerate(reading.person_sentences(slug)):
        for sentence in sorted(sentences, key=lambda s: (recency[s.article_id], s.number)):
            spans = merge_spans((m.start, m.end) for m in reading.people_in(sentence) if m.slug == slug)
            entries.append((sentence, spans, DIRECT - group))  # quoted, reported, named
    return reading.index.listed(entries)


def content_only(reading: CorpusReading, excerpts: Excerpts) -> Excerpts:
    """The excerpts that are content (a theme's, a search's): no captions, metadata or boilerplate."""
    return excerpts.where(lambda sentence: reading.role(sentence).content)


def _recency(reading: CorpusReading) -> dict[str, int]:
    if "recency" not in reading.ranked:
        articles = reading.index.corpus.articles.values()
        def negated(published: str) -> tuple[int, ...]:  # later first; a month without a day is its day 0
            parts = [int(part) for part in published.split("-")]
            return tuple(-part for part in parts + [0] * (3 - len(parts)))

        latest = sorted(articles, key=lambda a: (negated(a.published), a.id))
        reading.ranked["recency"] = {article.id: rank for rank, article in enumerate(latest)}
    return reading.ranked["recency"]
