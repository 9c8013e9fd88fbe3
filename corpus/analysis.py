"""What an article says, sentence by sentence, worked out once when it is read into the store:
its sentences, what each mentions (themes by meaning only in an article that names China and
Central Asia: `Recogniser.article`), the dates and figures each states, which selections (a
place, a country, a theme) each speaks to and how strongly, the countries each is tied to, and
the summit venue the article is about; each sentence read closely (`corpus.reader`: its role,
people, speaker, summit) and, from that, where it stands in each panel that lists it
(`panel_rows`: content only, a venue's summit sentences, specific before general, a person's
quotes first).

This module is the analysis entry point: the store's analysis version is computed from the code
it imports (`corpus.store.analysis_version`), so whatever it uses, renamed or added, is covered.
Plain Python; the query side (`corpus.excerpts`) reads what it wrote and never re-analyses.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from corpus.articles import Article
from corpus.events import entry_of
from corpus.figures import Stated, figures_in
from corpus.gazetteer import CENTRAL_ASIA, Gazetteer
from corpus.meaning import VectorCache, theme_model
from corpus.outcomes import outcome_of, outcomes_in
from corpus.people import Person
from corpus.reader import CloseReader, SentenceReading
from corpus.recognise import Mention, Recogniser
from corpus.text import fold, merge_spans, searchable, split_sentences
from corpus.themes import Theme
from corpus.timeline import Dated, dates_in

# How strongly a sentence speaks of a selection: a direct mention beats a city in the
# country, which beats the region as a whole ("l'Asie centrale").
DIRECT, VIA_PLACE, VIA_REGION = 3, 2, 1
MOST_SPANS = 3  # ranking counts the matched words up to three
REGION_GROUP = "region"  # the five Central Asian countries together, as a group of excerpts
BROAD = 3  # countries named: from this many on, a sentence speaks of the region more than of one of them
# what a summit's sentence says of it (`Analyser.summit_facts`), beside corpus.outcomes.KINDS
SUMMIT_SENTENCE, SUMMIT_THEME, SUMMIT_PERSON, SUMMIT_SPEAKER = "sentence", "theme", "person", "speaker"
QUOTED, REPORTED, NAMED = 0, 1, 2  # a person's panel: their quoted words, their reported words, the rest

Selection = tuple[str, str]  # ("place", slug), ("country", ISO3) or ("theme", slug)
Strengths = dict[tuple[str, str], int]  # (mention kind, key) → strength


@dataclass(frozen=True)
class AnalysedSentence:
    paragraph: int
    start: int  # offsets in the paragraph
    end: int
    text: str
    mentions: tuple[Mention, ...]
    selections: tuple[tuple[Selection, int], ...]  # each selection it speaks to, with its score
    tied: tuple[str, ...]  # ISO3 codes of the countries it speaks of (by name, a city, the region)
    dated: tuple[Dated, ...] = ()  # the dates it states or implies (the timeline)
    figures: tuple[Stated, ...] = ()  # the amounts and percentages it states (key figures)
    folded: str = ""  # the text as the full-text index holds it (corpus.text.searchable)
    reading: SentenceReading | None = None  # read closely (corpus.reader)
    # each panel listing it: (selection, score, place in the panel: lower first, then the latest)
    panels: tuple[tuple[Selection, int, int], ...] = ()
    # what it says of the summit it is about: (kind, key, label) (`Analyser.summit_facts`)
    summit_facts: tuple[tuple[str, str, str], ...] = ()

    @property
    def group(self) -> tuple[str, ...]:
        return group_of(self.tied)


@dataclass(frozen=True)
class AnalysedArticle:
    sentences: tuple[AnalysedSentence, ...]
    venue: str | None  # the summit venue it names most (the first named on a tie)
    found: dict[str, Person] = field(default_factory=dict)  # people named with a title the people file lacks


def score(strength: int, spans: int) -> int:
    """A sentence's rank for a selection, higher first: its strength, then how many words it
    matches (up to MOST_SPANS). Stored, so that ranking is an index scan."""
    return strength * (MOST_SPANS + 1) + min(spans, MOST_SPANS)


def strength_of(selection_score: int) -> int:
    return selection_score // (MOST_SPANS + 1)


def matched_spans(mentions, strengths: Strengths) -> tuple[tuple[int, int], ...]:
    """The words of a sentence that speak of a selection (its `strengths`), merged (a theme found
    by meaning has an empty span: nothing to highlight)."""
    return merge_spans((m.start, m.end) for m in mentions if strengths.get((m.kind, m.key), 0) and m.end > m.start)


def people_of(reading: SentenceReading) -> dict[str, int]:
    """The people a sentence speaks of, each with how: its speaker QUOTED or REPORTED, then those
    it names (in content only) NAMED."""
    groups: dict[str, int] = {}
    if reading.statement is not None and reading.statement.slug:
        groups[reading.statement.slug] = QUOTED if reading.statement.direct else REPORTED
    for mention in reading.people if reading.role.content else ():
        groups.setdefault(mention.slug, NAMED)
    return groups


def group_of(tied) -> tuple[str, ...]:
    """How a theme's excerpt is grouped in the panel: the countries it is tied to, the five
    Central Asian ones together as REGION_GROUP."""
    codes = sorted(tied)
    if set(CENTRAL_ASIA) <= set(codes):
        codes = [code for code in codes if code not in CENTRAL_ASIA] + [REGION_GROUP]
    return tuple(codes)


def country_strengths(gazetteer: Gazetteer, iso3: str) -> Strengths:
    """What speaks of a country, and how strongly: its name, its places, the region (for the five)."""
    table = {("place", slug): VIA_PLACE for slug, place in gazetteer.places.items() if place.country == iso3}
    table[("country", iso3)] = DIRECT
    if iso3 in CENTRAL_ASIA:
        table[("region", "central-asia")] = VIA_REGION
    return table


def selection_strengths(gazetteer: Gazetteer, selection: Selection) -> Strengths:
    kind, key = selection
    return country_strengths(gazetteer, key) if kind == "country" else {selection: DIRECT}


class Analyser:
    """Analyses articles against one gazetteer and theme lexicon."""

    def __init__(self, gazetteer: Gazetteer, themes: dict[str, Theme], vectors: VectorCache | None = None):
        self.gazetteer = gazetteer
        self.recogniser = Recogniser(gazetteer, themes, theme_model())
        self.vectors = vectors  # each sentence's vector, kept beside the store (themes by meaning, search)
        self.country_strengths = {iso3: country_strengths(gazetteer, iso3) for iso3 in gazetteer.countries}
        self._venues = {slug for slug, place in gazetteer.places.items() if place.summit}
        self.reader = CloseReader(gazetteer)

    def tied(self, mentions) -> tuple[str, ...]:
        keys = {(m.kind, m.key) for m in mentions}
        return tuple(iso3 for iso3, table in self.country_strengths.items() if not keys.isdisjoint(table))

    def selections(self, mentions) -> tuple[tuple[Selection, int], ...]:
        """Each place and theme the sentence names, and each country it speaks of, with its score."""
        direct = dict.fromkeys((m.kind, m.key) for m in mentions if m.kind in ("place", "theme"))
        scored = [(key, score(DIRECT, len(matched_spans(mentions, {key: DIRECT})))) for key in direct]
        for iso3 in self.tied(mentions):
            table = self.country_strengths[iso3]
            best = max(table.get((m.kind, m.key), 0) for m in mentions)
            scored.append((("country", iso3), score(best, len(matched_spans(mentions, table)))))
        return tuple(scored)

    def article(self, article: Article) -> AnalysedArticle:
        pieces = [(number, start, end, paragraph[start:end]) for number, paragraph in enumerate(article.paragraphs)
                  for start, end in split_sentences(paragraph, article.language)]
        # the article's sentences go through the encoder in one batch (themes by meaning), read as one
        # article with its title: no theme by meaning alone where it never names China and Central Asia
        found = self.recogniser.article([text for *_, text in pieces], article.language, self.vectors, article.title)
        readings, people = self.reader.article([text for *_, text in pieces], [number for number, *_ in pieces],
                                               found, article.published)
        sentences = []
        for (number, start, end, text), mentions, reading in zip(pieces, found, readings):
            folded = fold(text)  # once, for the dates, the figures and the search
            selections = self.selections(mentions)
            sentences.append(AnalysedSentence(
                number, start, end, text, mentions, selections, self.tied(mentions),
                self.dates(text, article, folded, mentions, reading),
                tuple(figures_in(text, mentions, article.language, folded.text)), searchable(folded.text),
                reading, self.panel_rows(text, mentions, selections, reading),
                self.summit_facts(article, text, mentions, reading)))
        venues = [m.key for s in sentences for m in s.mentions if m.kind == "place" and m.key in self._venues]
        venue = max(dict.fromkeys(venues), key=venues.count) if venues else None
        return AnalysedArticle(tuple(sentences), venue, people)

    def countries_named(self, mentions) -> tuple[str, ...]:
        """ISO3 codes a sentence names, itself or through one of its cities, in its order."""
        return tuple(dict.fromkeys(m.key if m.kind == "country" else self.gazetteer.places[m.key].country
                                   for m in mentions if m.kind in ("country", "place")))

    def dates(self, text: str, article: Article, folded, mentions, reading: SentenceReading) -> tuple[Dated, ...]:
        """The dates the sentence states or implies, each with how the timeline takes it."""
        places = {m.key for m in mentions if m.kind == "place"}
        people = [m.slug for m in reading.people]
        return tuple(replace(d, entry=entry_of(d.date, d.span, text, places, people, reading.role,
                                               reading.summit, self.reader.summits))
                     for d in dates_in(text, article.language, article.published, folded))

    def summit_facts(self, article: Article, text: str, mentions, reading: SentenceReading) -> tuple[tuple[str, str, str], ...]:
        """What a sentence about a summit says of it, as (kind, key, label) rows that its sheet
        counts (`corpus.excerpts.CorpusIndex.summit_outcomes` and the rest): the sentence itself
        (key: its article), what it states was produced (corpus.outcomes.KINDS), each theme it
        raises, each person it names or quotes, and who speaks in it."""
        if not reading.summit:
            return ()
        facts = [(SUMMIT_SENTENCE, article.id, ""), *outcomes_in(text, article.language)]
        facts += [(SUMMIT_THEME, slug, "") for slug in dict.fromkeys(m.key for m in mentions if m.kind == "theme")]
        people = people_of(reading)
        facts += [(SUMMIT_SPEAKER, slug, "") for slug, group in people.items() if group != NAMED]
        facts += [(SUMMIT_PERSON, slug, "") for slug in people]
        return tuple(dict.fromkeys(facts))

    def panel_rows(self, text: str, mentions, selections, reading: SentenceReading) -> tuple[tuple[Selection, int, int], ...]:
        """Where the sentence stands in each panel that lists it, as (selection, score, place):
        only content counts (no caption, metadata or boilerplate, and a name in the dateline says
        where the story was filed); a place's panel also holds the sentences about its summit
        that do not name it, what was signed or agreed there first; specific before general (one
        country named before a list of them, the region as a whole last); a person's quoted words,
        then their reported words, then the sentences naming them; ("summit", venue): every
        sentence about that summit."""
        role, rows = reading.role, []
        content = [m for m in mentions if m.start >= role.dateline_end] if role.content else []
        broad = len(self.countries_named(mentions)) >= BROAD
        places = dict.fromkeys(m.key for m in content if m.kind == "place")
        if reading.summit:
            places.setdefault(reading.summit)
            rows.append((("summit", reading.summit), 0, 0))
        for slug in places:
            spans = matched_spans(content, {("place", slug): DIRECT})
            agreed = reading.summit == slug and outcome_of(text) is not None
            rows.append((("place", slug), score(DIRECT, len(spans)), 2 * (not agreed) + broad))
        breadth = len(self.countries_named(mentions))
        for iso3 in self.tied(content):
            table = self.country_strengths[iso3]
            best = max(table.get((m.kind, m.key), 0) for m in content)
            tier = 2 if best == VIA_REGION else 1 if broad else 0
            rows.append((("country", iso3), score(best, len(matched_spans(content, table))),
                         tier * 100 + (DIRECT - best) * 10 + breadth))
        if role.content:
            rows += [(selection, rank, -rank) for selection, rank in selections if selection[0] == "theme"]
        for slug, group in people_of(reading).items():
            spans = merge_spans((m.start, m.end) for m in reading.people if m.slug == slug)
            rows.append((("person", slug), score(DIRECT - group, len(spans)), group))
        return tuple(rows)
