"""The summits side by side: for each venue, what its sentences say was signed, created,
committed and agreed there, the themes raised, who attended and who spoke, each with its sources;
and the next summit as expected. The /summits page and a venue's panel read it from here."""

from __future__ import annotations

from dataclasses import dataclass

from corpus.excerpts import CorpusIndex, Sentence
from corpus.outcomes import KINDS
from corpus.reading import reading_of
from corpus.store import date_number
from corpus.chronology import Event, expected_summits


SOURCES = 3  # the sentences kept with each item (the page shows two, a panel one; the count says how many)


@dataclass(frozen=True)
class SheetItem:
    kind: str  # corpus.outcomes.KINDS
    label: str  # its words in an article, in that article's language (plain text: escape it)
    language: str
    count: int  # the sentences stating it
    sources: tuple[Sentence, ...]  # the first of them, oldest first


@dataclass(frozen=True)
class SummitSheet:
    venue: str  # the venue's place slug
    number: int
    items: dict[str, tuple[SheetItem, ...]]  # kind → items, in the order first stated
    themes: tuple[tuple[str, int], ...]  # theme slug, sentences raising it; most first
    attended: tuple[tuple[str, int], ...]  # person slug, sentences naming or quoting them; most first
    spoke: tuple[tuple[str, int], ...]  # person slug, their statements; most first
    sentences: int  # the sentences about the summit
    articles: int  # the articles they are in
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
    """The sheet as queries over what the analysis kept: nothing is read again, whatever the corpus's size."""
    items: dict[str, list[SheetItem]] = {kind: [] for kind in KINDS}
    for kind, _, label, language, count, sources in index.summit_outcomes(venue, lang, SOURCES):
        items[kind].append(SheetItem(kind, label, language, count, tuple(sources)))
    people = index.summit_people(venue)
    sentences, articles, latest = index.summit_extent(venue)
    opened = date_number(index.gazetteer.places[venue].summit.dates.split("/")[0])
    return SummitSheet(venue, index.gazetteer.places[venue].summit.number,
                       {kind: tuple(listed) for kind, listed in items.items()}, tuple(index.summit_themes(venue)),
                       tuple((slug, named) for slug, named, _ in people),
                       tuple(sorted(((slug, said) for slug, _, said in people if said), key=lambda i: -i[1])),
                       sentences, articles, bool(sentences) and latest < opened)


def next_summit(index: CorpusIndex) -> Event | None:
    """The summit the alternation rule expects next, with the sentence stating the rule."""
    expected = expected_summits(index)
    return expected[0] if expected else None
