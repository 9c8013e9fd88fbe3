"""Find places, countries, the region and themes in every sentence, and rank excerpts for a selection.

Built once per corpus (`CorpusIndex`); every answer points back to its sentence in its article.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from corpus.articles import Article, Corpus
from corpus.gazetteer import CENTRAL_ASIA, Gazetteer, load_gazetteer
from corpus.meaning import VectorCache, sentence_vectors, theme_model
from corpus.recognise import Mention, Recogniser
from corpus.store import Analysed, CorpusStore, Progress
from corpus.query import by_meaning, matching_across_languages, query_words
from corpus.text import CJK, fold, merge_spans, searchable, split_sentences
from corpus.themes import Theme, load_themes

# How strongly a sentence speaks of a selection: a direct mention beats a city in the
# country, which beats the region as a whole ("l'Asie centrale").
DIRECT, VIA_PLACE, VIA_REGION = 3, 2, 1
SHORT_SENTENCE = 90  # characters; shorter sentences are shown with their neighbours
MIN_QUERY_WORD = 2


@dataclass(frozen=True)
class Sentence:
    article_id: str
    paragraph: int
    number: int  # position in the article, from 0
    start: int  # offsets in the paragraph
    end: int
    text: str
    mentions: tuple[Mention, ...]
    id: int = -1  # its row in the corpus store


@dataclass(frozen=True)
class Excerpt:
    article: Article
    sentence: Sentence
    text: str  # the sentence, with its neighbours when it is short
    highlights: tuple[tuple[int, int], ...]  # spans in `text`
    strength: int
    start: int = 0  # where `text` starts in its paragraph
    by_meaning: bool = False  # found by a search for its meaning, not its words

    def paragraph_highlights(self) -> tuple[tuple[int, int], ...]:
        return tuple((self.start + s, self.start + e) for s, e in self.highlights)


class Excerpts(Sequence[Excerpt]):
    """Ranked excerpts, each made only when it is read: a selection in a large corpus can have
    tens of thousands, of which a reader sees a few. Filtering (`where`) keeps the order."""

    def __init__(self, index: "CorpusIndex", entries: list[tuple[Sentence, tuple[tuple[int, int], ...], int]],
                 patterns: tuple[re.Pattern[str], ...] = (), by_meaning: frozenset[int] = frozenset()):
        self._index = index
        self._entries = entries  # (sentence, spans in the sentence, strength), best first
        self._patterns = patterns  # query words to highlight as well
        self._by_meaning = by_meaning  # ids of the sentences a search found by meaning
        self._groups: dict[tuple[str, ...], list[int]] | None = None

    def __len__(self) -> int:
        return len(self._entries)

    def __getitem__(self, item):
        if isinstance(item, slice):
            return [self._excerpt(entry) for entry in self._entries[item]]
        return self._excerpt(self._entries[item])

    def __eq__(self, other) -> bool:
        return list(self) == list(other) if isinstance(other, (Excerpts, list)) else NotImplemented

    def where(self, keep: Callable[[Sentence], bool]) -> "Excerpts":
        return Excerpts(self._index, [e for e in self._entries if keep(e[0])], self._patterns, self._by_meaning)

    def marking(self, patterns: tuple[re.Pattern[str], ...], by_meaning: frozenset[int] = frozenset()) -> "Excerpts":
        return Excerpts(self._index, self._entries, self._patterns + patterns, self._by_meaning | by_meaning)

    def sentences(self) -> list[Sentence]:
        return [sentence for sentence, _, _ in self._entries]

    def by_countries_named(self) -> dict[tuple[str, ...], list[int]]:
        """Positions of the excerpts grouped by the countries their sentence names (ISO3 codes,
        sorted, then "region" if it names Central Asia); worked out once, the groups in order."""
        if self._groups is None:
            groups: dict[tuple[str, ...], list[int]] = {}
            for position, (sentence, _, _) in enumerate(self._entries):
                named = tuple(sorted(self._index.countries_named(sentence)))
                if any(m.kind == "region" for m in sentence.mentions):
                    named += ("region",)
                groups.setdefault(named, []).append(position)
            self._groups = groups
        return self._groups

    def _excerpt(self, entry) -> Excerpt:
        sentence, spans, strength = entry
        if self._patterns:
            folded = fold(sentence.text)
            words = [folded.span_in_original(*m.span()) for p in self._patterns for m in p.finditer(folded.text)]
            spans = merge_spans([*spans, *words])
        excerpt = self._index._excerpt(sentence, spans, strength)
        return replace(excerpt, by_meaning=True) if sentence.id in self._by_meaning else excerpt


@dataclass(frozen=True)
class ThemeTies:
    countries: dict[str, list[Sentence]]  # ISO3 → supporting sentences
    places: dict[str, list[Sentence]]  # place slug → supporting sentences
    venues: dict[str, list[Sentence]]  # summit venue slug → supporting sentences


class CorpusIndex:
    """Every sentence of the corpus with what it mentions, looked up by what it mentions; search
    goes through the store's full-text index. Made by `build_index`."""

    def __init__(self, corpus: Corpus, gazetteer: Gazetteer, themes: dict[str, Theme], sentences: list[Sentence],
                 store: CorpusStore):
        self.corpus = corpus
        self.gazetteer = gazetteer
        self.themes = themes
        self.sentences = sentences
        self.store = store
        self.key = uuid.uuid4().hex  # for caches of what is worked out from it (never reused, unlike id())
        self._by_id = {s.id: s for s in sentences}
        self._paragraph_sentences: dict[tuple[str, int], list[Sentence]] = defaultdict(list)
        self._mentioning: dict[tuple[str, str], list[Sentence]] = defaultdict(list)
        self._article_sentences: dict[str, list[Sentence]] = defaultdict(list)
        for sentence in sentences:
            self._paragraph_sentences[(sentence.article_id, sentence.paragraph)].append(sentence)
            self._article_sentences[sentence.article_id].append(sentence)
            for kind, key in dict.fromkeys((m.kind, m.key) for m in sentence.mentions):
                self._mentioning[(kind, key)].append(sentence)
        self._venues = self._article_venues()
        # latest first, then by id: the order of equally good excerpts
        latest = sorted(corpus.articles.values(), key=lambda a: (_negated(a.published), a.id))
        self._recency = {article.id: rank for rank, article in enumerate(latest)}
        self._rankings: dict = {}  # a selection's excerpts (and a country's strengths), worked out once

    def article_sentence(self, article_id: str, number: int) -> Sentence | None:
        """The article's sentence `number`, counted from 1 as in links (`Sentence.number` counts from 0)."""
        sentences = self._article_sentences.get(article_id, [])
        return sentences[number - 1] if 1 <= number <= len(sentences) else None

    # --- what the corpus names -------------------------------------------------------------

    def mentioned_places(self) -> set[str]:
        return {key for kind, key in self._mentioning if kind == "place"}

    # --- excerpts, best first ----------------------------------------------------------------

    def country_strengths(self, iso3: str) -> dict[tuple[str, str], int]:
        """What speaks of a country, and how strongly: its name, its places, the region (for the five)."""
        if ("strengths", iso3) not in self._rankings:
            table = {("place", slug): VIA_PLACE for slug, place in self.gazetteer.places.items() if place.country == iso3}
            table[("country", iso3)] = DIRECT
            if iso3 in CENTRAL_ASIA:
                table[("region", "central-asia")] = VIA_REGION
            self._rankings[("strengths", iso3)] = table
        return self._rankings[("strengths", iso3)]

    def excerpts_for_country(self, iso3: str) -> Excerpts:
        return self._ranked(("country", iso3), self.country_strengths(iso3))

    def countries_named(self, sentence: Sentence) -> tuple[str, ...]:
        """ISO3 codes a sentence names, itself or through one of its cities, in corpus order."""
        named = [m.key if m.kind == "country" else self.gazetteer.places[m.key].country
                 for m in sentence.mentions if m.kind in ("country", "place")]
        return tuple(dict.fromkeys(named))

    def published_by(self, sentence: Sentence, until: int | None) -> bool:
        return until is None or int(self.corpus.articles[sentence.article_id].published[:4]) <= until

    def theme_country_counts(self, until: int | None = None) -> dict[tuple[str, str], int]:
        """Sentences naming each theme that also speak of each country (as the panel counts them),
        from articles published by `until` if given."""
        counts: dict[tuple[str, str], int] = {}
        about_themes = {s.id: s for slug in self.themes for s in self._mentioning.get(("theme", slug), ())}
        for sentence in about_themes.values():
            if not self.published_by(sentence, until):
                continue
            themes = {m.key for m in sentence.mentions if m.kind == "theme"}
            for iso3 in self.countries_spoken_of(sentence):
                for slug in themes:
                    counts[(slug, iso3)] = counts.get((slug, iso3), 0) + 1
        return counts

    def excerpts_for_place(self, slug: str) -> Excerpts:
        return self._direct("place", slug)

    def excerpts_for_theme(self, slug: str) -> Excerpts:
        return self._direct("theme", slug)

    def _direct(self, kind: str, key: str) -> Excerpts:
        return self._ranked((kind, key), {(kind, key): DIRECT})

    def theme_ties(self, slug: str, until: int | None = None) -> ThemeTies:
        """What the theme is tied to on the map, each with the theme's sentences that support it:
        the countries its sentences speak of (as the panel counts them: by name, through a city,
        or as part of the region), the places they name, and the summit venue of each article.
        `until`: only articles published in or before that year."""
        ties = ThemeTies({}, {}, {})
        for sentence in self.mentioning("theme", slug):
            if not self.published_by(sentence, until):
                continue
            for iso3 in self.countries_spoken_of(sentence):
                ties.countries.setdefault(iso3, []).append(sentence)
            for place in dict.fromkeys(m.key for m in sentence.mentions if m.kind == "place"):
                ties.places.setdefault(place, []).append(sentence)
            venue = self.article_venue(sentence.article_id)
            if venue:
                ties.venues.setdefault(venue, []).append(sentence)
        return ties

    def countries_spoken_of(self, sentence: Sentence) -> list[str]:
        keys = {(m.kind, m.key) for m in sentence.mentions}
        return [iso3 for iso3 in self.gazetteer.countries if not keys.isdisjoint(self.country_strengths(iso3))]

    def article_venue(self, article_id: str) -> str | None:
        """The summit venue an article is about: the one it names most (the first named on a tie)."""
        return self._venues[article_id]

    def _article_venues(self) -> dict[str, str | None]:
        venues = {slug for slug, place in self.gazetteer.places.items() if place.summit}
        named: dict[str, list[str]] = {article_id: [] for article_id in self.corpus.articles}
        for sentence in self.sentences:
            named[sentence.article_id] += [m.key for m in sentence.mentions if m.kind == "place" and m.key in venues]
        return {article_id: max(dict.fromkeys(keys), key=keys.count) if keys else None
                for article_id, keys in named.items()}

    def mentioning(self, kind: str, key: str, until: int | None = None) -> list[Sentence]:
        """Sentences that mention (kind, key) directly (from articles published by `until`)."""
        return [s for s in self._mentioning.get((kind, key), ()) if self.published_by(s, until)]

    def search(self, query: str, within: Excerpts | None = None) -> Excerpts:
        """Sentences containing every word of `query` (as word starts, ignoring case and accents),
        in any language (a place's or country's spellings, the bilingual lexicon: corpus.query),
        latest articles first; then the sentences closest to it in meaning, marked `by_meaning`;
        or in the order of `within`. The words must be in the sentence itself, not only in the
        context shown around it; they are highlighted."""
        words = [w for w in query_words(query) if len(w) >= MIN_QUERY_WORD or w.isdigit()]
        if not words:
            return Excerpts(self, [])
        found, marks = matching_across_languages(self, words)  # the full-text index finds; patterns mark
        # a Chinese word is found inside a run of characters: no word boundary to look for
        patterns = tuple(re.compile(re.escape(w) if CJK.search(w) else rf"(?<!\w){re.escape(w)}\w*") for w in marks)
        close = [sid for sid, _ in by_meaning(self, query, words, found) if sid in self._by_id]
        if within is not None:
            chosen = found | set(close)
            return within.where(lambda sentence: sentence.id in chosen).marking(patterns, frozenset(close))
        sentences = [self._by_id[i] for i in found if i in self._by_id]
        entries = [(s, (), DIRECT) for s in sorted(sentences, key=self._date_order)]
        entries += [(self._by_id[sid], (), DIRECT) for sid in close]
        return Excerpts(self, entries, patterns, frozenset(close))

    def _date_order(self, sentence: Sentence) -> tuple[int, int]:
        return self._recency[sentence.article_id], sentence.number

    def _ranked(self, selection: tuple[str, str], strengths: dict[tuple[str, str], int]) -> Excerpts:
        """The sentences mentioning any key of `strengths`, strongest first; then those matching
        more (up to three) things; then the latest. Ranked once per index and selection."""
        if selection in self._rankings:
            return self._rankings[selection]
        candidates = {s.id: s for key in strengths for s in self._mentioning.get(key, ())}.values()
        entries = []
        for sentence in candidates:
            matched = [(strengths.get((m.kind, m.key), 0), m) for m in sentence.mentions]
            best = max(strength for strength, _ in matched)
            # a theme found by meaning has an empty span: nothing to highlight
            spans = merge_spans((m.start, m.end) for strength, m in matched if strength and m.end > m.start)
            entries.append((sentence, spans, best))
        recency = self._recency
        entries.sort(key=lambda e: (-e[2], -min(len(e[1]), 3), recency[e[0].article_id], e[0].number))
        self._rankings[selection] = Excerpts(self, entries)
        return self._rankings[selection]

    def _excerpt(self, sentence: Sentence, spans: tuple[tuple[int, int], ...], strength: int) -> Excerpt:
        article = self.corpus.articles[sentence.article_id]
        if len(sentence.text) >= SHORT_SENTENCE:
            return Excerpt(article, sentence, sentence.text, spans, strength, sentence.start)
        siblings = self._paragraph_sentences[(sentence.article_id, sentence.paragraph)]
        position = siblings.index(sentence)
        first = siblings[max(position - 1, 0)]
        last = siblings[min(position + 1, len(siblings) - 1)]
        paragraph = article.paragraphs[sentence.paragraph]
        shift = sentence.start - first.start
        shifted = tuple((s + shift, e + shift) for s, e in spans)
        return Excerpt(article, sentence, paragraph[first.start:last.end], shifted, strength, first.start)


def _negated(published: str) -> tuple[int, ...]:
    """Sort key putting later dates first; a month without a day counts as its day 0."""
    parts = [int(part) for part in published.split("-")]
    return tuple(-part for part in parts + [0] * (3 - len(parts)))


def analyse(article: Article, recogniser: Recogniser, vectors: VectorCache | None = None) -> list[Analysed]:
    """An article's sentences, each with what it mentions (themes by meaning too: the article's
    sentences go through the encoder in one batch, their vectors kept in `vectors`)."""
    pieces = [(number, start, end, paragraph[start:end]) for number, paragraph in enumerate(article.paragraphs)
              for start, end in split_sentences(paragraph, article.language)]
    found = recogniser.analyse([text for *_, text in pieces], article.language, vectors)
    return [(number, start, end, text, tuple((m.kind, m.key, m.start, m.end) for m in mentions))
            for (number, start, end, text), mentions in zip(pieces, found)]


def update_store(folder, progress: Progress | None = None) -> CorpusStore:
    """Bring the folder's store up to date: read the articles added or changed since it was last
    brought up to date, forget those removed. `progress(done, total)` is called as files are read."""
    recogniser = Recogniser(load_gazetteer(), load_themes(), theme_model())
    store = CorpusStore(Path(folder))
    vectors = sentence_vectors(store)
    store.update(lambda article: analyse(article, recogniser, vectors), searchable, progress)
    return store


def build_index(folder, progress: Progress | None = None) -> CorpusIndex:
    """The index of every readable article in `folder`, with the atlas's gazetteer and themes.
    Articles already in the folder's store are not read again."""
    return load_index(update_store(folder, progress))


def load_index(store: CorpusStore) -> CorpusIndex:
    """The index as the store holds it (brought up to date by `update_store`)."""
    corpus = store.corpus()
    sentences, numbers = [], defaultdict(int)
    for row_id, name, (paragraph, start, end, text, mentions) in store.sentences():
        article_id = Path(name).stem
        if article_id not in corpus.articles:
            continue
        sentences.append(Sentence(article_id, paragraph, numbers[article_id], start, end, text,
                                  tuple(Mention(*m) for m in mentions), row_id))
        numbers[article_id] += 1
    return CorpusIndex(corpus, load_gazetteer(), load_themes(), sentences, store)
