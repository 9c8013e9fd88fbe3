"""The summits side by side: for each venue, what its sentences say was signed, created,
committed and agreed there, the themes raised, who attended and who spoke, each with its sources;
and the next summit as expected. The /summits page and a venue's panel read it from here."""

from __future__ import annotations

from dataclasses import dataclass

from corpus.excerpts import CorpusIndex, Sentence
from corpus.outcomes import KINDS, summit_outcomes
from corpus.reading import reading_of
from corpus.timeline import Event, expected_summits


@dataclass(frozen=True)
class SheetItem:
    kind: str  # corpus.outcomes.KINDS
    label: str  # its words in an article, in that article's language (plain text: escape it)
    language: str
    sources: tuple[Sentence, ...]


@dataclass(frozen=True)
class SummitSheet:
    venue: str  # the venue's place slug
    number: int
    items: dict[str, tuple[SheetItem, ...]]  # kind → items, in the order first stated
    themes: tuple[tuple[str, int], ...]  # theme slug, sentences raising it; most first
    attended: tuple[tuple[str, int], ...]  # person slug, sentences naming them; most first
    spoke: tuple[tuple[str, tuple[Sentence, ...]], ...]  # person slug and their statements
    sentences: tuple[Sentence, ...]  # every sentence about the summit
    before: bool  # every source was published before the summit opened (an announcement)

    @property
    def empty(self) -> bool:
        return not any(self.items.values())


def summit_venues(index: CorpusIndex) -> list[str]:
    return [p.slug for p in sorted((p for p in index.gazetteer.places.values() if p.summit),
                                   key=lambda p: p.summit.number)]


def summit_sheet(index: CorpusIndex, venue: str, lang: str) -> SummitSheet:
    reading = reading_of(index)
    key = ("sheet", venue, lang)
    if key not in reading.ranked:
        reading.ranked[key] = _sheet(index, venue, lang)
    return reading.ranked[key]


def _sheet(index: CorpusIndex, venue: str, lang: str) -> SummitSheet:
    reading = reading_of(index)
    articles = index.corpus.articles
    sentences = reading.summit_sentences(venue)
    outcomes = summit_outcomes([(s, articles[s.article_id].language) for s in sentences])
    items = {}
    for kind in KINDS:
        listed = []
        for outcome in outcomes[kind]:
            language = lang if lang in outcome.labels else next(iter(outcome.labels))
            listed.append(SheetItem(kind, outcome.labels[language], language, tuple(outcome.sentences)))
        items[kind] = tuple(listed)
    themes: dict[str, int] = {}
    for sentence in sentences:
        for slug in dict.fromkeys(m.key for m in sentence.mentions if m.kind == "theme"):
            themes[slug] = themes.get(slug, 0) + 1
    spoke: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        statement = reading.statement(sentence)
        if statement and statement.slug:
            spoke.setdefault(statement.slug, []).append(sentence)
    attended = reading.people_named(sentences)
    opened = index.gazetteer.places[venue].summit.dates.split("/")[0]
    before = bool(sentences) and all(articles[s.article_id].published < opened for s in sentences)
    return SummitSheet(venue, index.gazetteer.places[venue].summit.number, items,
                       tuple(sorted(themes.items(), key=lambda item: -item[1])), tuple(attended.items()),
                       tuple((slug, tuple(said)) for slug, said in sorted(spoke.items(), key=lambda i: -len(i[1]))),
                       tuple(sentences), before)


def next_summit(index: CorpusIndex) -> Event | None:
    """The summit the alternation rule expects next, with the sentence stating the rule."""
    expected = expected_summits(index)
    return expected[0] if expected else None
