"""Query the corpus store: excerpts for a selection best first, search, what a theme is tied to.

The query side only: `corpus.build` reads files and analyses them (`corpus.analysis`) into the
store (`corpus.store`); `CorpusIndex` answers from the store on disk, making each sentence,
excerpt and article only when it is read, so that a corpus of 100,000 articles is not held in
memory. Every answer points back to its sentence in its article.
"""

from __future__ import annotations

import json
import re
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from corpus.analysis import (DIRECT, MOST_SPANS, SUMMIT_PERSON, SUMMIT_SENTENCE, SUMMIT_SPEAKER, SUMMIT_THEME, Selection, country_strengths, matched_spans,
                             selection_strengths, strength_of)
from corpus.articles import Article, Corpus, SkippedFile, article_key, corpus_of
from corpus.figures import Stated
from corpus.outcomes import KINDS
from corpus.gazetteer import Gazetteer
from corpus.query import SEARCH_LIMIT, by_meaning, matching, query_words
from corpus.recognise import Mention
from corpus.store import DIRECTLY, SENTENCE_BITS, CorpusStore, search_key
from corpus.text import CJK, fold, merge_spans
from corpus.themes import Theme
from corpus.timeline import Dated

SHORT_SENTENCE = 90  # characters; shorter sentences are shown with their neighbours
MIN_QUERY_WORD = 2
PAGE = 64  # rows fetched at a time from the store; more as more are read
CACHED_SENTENCES = 20_000
CACHED_ARTICLES = 2_000

__all__ = ["DIRECT", "CorpusIndex", "Excerpt", "Excerpts", "Sentence", "Sentences", "ThemeCounts", "ThemeTies"]


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


class _Query:
    """Sentence ids (with a score) that one SQL query finds, in its order, read a page at a time;
    its count asked for once. `where` adds a condition: the result is a new query."""

    def __init__(self, index: "CorpusIndex", source: str, columns: str, conditions: tuple[tuple[str, tuple], ...],
                 order: str, sentence: str = "sentence", date: str = "date"):
        self._index = index
        self._source, self._columns, self._order = source, columns, order
        self.sentence, self.date = sentence, date  # how the source spells a row's sentence id and date
        self.conditions = conditions
        self._rows: list[tuple[int, int]] = []
        self._complete = False
        self._count: int | None = None

    def where(self, condition: str, *parameters) -> "_Query":
        """`condition` may name the row's sentence id as {s} and its article's date as {d}."""
        condition = condition.format(s=self.sentence, d=self.date)
        return _Query(self._index, self._source, self._columns, (*self.conditions, (condition, parameters)),
                      self._order, self.sentence, self.date)

    def _sql(self, what: str) -> tuple[str, list]:
        conditions = [*self.conditions, *self._index._live(self.sentence)]
        where = " AND ".join(f"({c})" for c, _ in conditions)
        parameters = [p for _, ps in conditions for p in ps]
        return f"SELECT {what} FROM {self._source}" + (f" WHERE {where}" if where else ""), parameters

    def count(self) -> int:
        if self._count is None:
            if self._complete:
                self._count = len(self._rows)
            else:
                sql, parameters = self._sql("count(*)")
                self._count = self._index.store.read(sql, parameters)[0][0]
        return self._count

    def rows(self, upto: int | None = None) -> list[tuple[int, int]]:
        """The first `upto` rows (all if None): (sentence id, score)."""
        if not self._complete and (upto is None or upto > len(self._rows)):
            want = None if upto is None else max(upto, 2 * len(self._rows), PAGE)
            sql, parameters = self._sql(self._columns)
            sql += f" ORDER BY {self._order}" + (f" LIMIT {want}" if want is not None else "")
            self._rows = [tuple(row) for row in self._index.store.read(sql, parameters)]
            self._complete = want is None or len(self._rows) < want
        return self._rows if upto is None else self._rows[:upto]

    def groups(self) -> list[tuple[str | None, int]]:
        sql, parameters = self._sql("q.grp, count(*)")
        return self._index.store.read(sql + " GROUP BY q.grp", parameters)


class _Listed(_Query):
    """Given sentence ids, in the order given."""

    def __init__(self, index: "CorpusIndex", rows: list[tuple[int, int]]):
        super().__init__(index, "sentences", "", (), "", "sentences.id", "sentences.date")
        self._rows, self._complete = rows, True

    def where(self, condition: str, *parameters) -> "_Query":
        ids = ",".join(str(row) for row, _ in self._rows) or "NULL"
        condition = condition.format(s=self.sentence, d=self.date)
        kept = {row for (row,) in self._index.store.read(
            f"SELECT id FROM sentences WHERE id IN ({ids}) AND ({condition})", parameters)}
        return _Listed(self._index, [row for row in self._rows if row[0] in kept])

    def groups(self):
        raise NotImplementedError("groups of a listed selection")


class _Sequence(Sequence):
    """What a _Query finds, made one page at a time."""

    def __init__(self, index: "CorpusIndex", query: _Query):
        self._index = index
        self._query = query

    def __len__(self) -> int:
        return self._query.count()

    def _make(self, rows: list[tuple[int, int]]) -> list:
        raise NotImplementedError

    def __getitem__(self, item):
        if isinstance(item, slice):
            if item.step in (None, 1) and item.stop is not None and item.stop >= 0 and (item.start or 0) >= 0:
                return self._make(self._query.rows(item.stop)[item.start or 0:item.stop])
            return self._make(self._query.rows())[item]
        position = item + len(self) if item < 0 else item
        rows = self._query.rows(position + 1) if position >= 0 else []
        if position >= len(rows):
            raise IndexError(item)
        return self._make([rows[position]])[0]

    def __iter__(self) -> Iterator:
        done = 0
        while True:
            rows = self._query.rows(done + 4 * PAGE)[done:]
            if not rows:
                return
            yield from self._make(rows)
            done += len(rows)

    def __eq__(self, other) -> bool:
        return list(self) == list(other) if isinstance(other, (_Sequence, list)) else NotImplemented

    __hash__ = None  # type: ignore[assignment]


class Sentences(_Sequence):
    """Sentences, in corpus order, read from the store when asked for."""

    def _make(self, rows):
        return self._index.sentences_by_id([row for row, _ in rows])

    articles: int | None = None  # how many articles they come from, when known already

    def article_count(self) -> int:
        """How many articles these sentences come from."""
        if self.articles is None:
            sql, parameters = self._query._sql(self._query.sentence)
            self.articles = self._index.store.read(f"SELECT count(DISTINCT article) FROM sentences WHERE id IN ({sql})",
                                                   parameters)[0][0]
        return self.articles


class Excerpts(_Sequence):
    """Ranked excerpts, each made only when it is read: a selection in a large corpus can have
    tens of thousands, of which a reader sees a few. Narrowing (`about_theme`, `published_by`,
    `in_article`, `where`) keeps the order."""

    def __init__(self, index: "CorpusIndex", query: _Query, strengths: dict | None = None,
                 patterns: tuple[re.Pattern[str], ...] = (), by_meaning: frozenset[int] = frozenset(),
                 spans_of: Callable[[Sentence], tuple[tuple[int, int], ...]] | None = None):
        super().__init__(index, query)
        self._strengths = strengths  # what the highlights mark (None: nothing but the query words)
        self._patterns = patterns  # query words to highlight as well
        self._by_meaning = by_meaning  # ids of the sentences a search found by meaning
        self._spans_of = spans_of  # what to highlight in a sentence, worked out as it is shown (a panel's)

    more = False  # a search cut at its limit: more sentences hold its words than are listed

    def _narrowed(self, query: _Query) -> "Excerpts":
        narrowed = Excerpts(self._index, query, self._strengths, self._patterns, self._by_meaning, self._spans_of)
        narrowed.more = self.more
        return narrowed

    def about_theme(self, slug: str) -> "Excerpts":
        """Those whose sentence names the theme."""
        theme = self._index.selection_id("theme", slug)
        return self._narrowed(self._query.where(
            "EXISTS (SELECT 1 FROM ranks t WHERE t.sentence = {s} AND t.selection = ?)", theme))

    def published_by(self, until: int | None) -> "Excerpts":
        """Those from articles published in or before `until` (all if None)."""
        if until is None:
            return self
        return self._narrowed(self._query.where("{d} <= ?", until * 10_000 + 9999))

    def in_article(self, article_id: str) -> "Excerpts":
        first, count = self._index._extent.get(article_id, (0, 0))
        return self._narrowed(self._query.where("{s} BETWEEN ? AND ?", first, first + count - 1))

    def matching(self, words: list[str]) -> "Excerpts":
        """Those whose sentence holds every word (full-text), the words marked."""
        patterns = tuple(re.compile(rf"(?<!\w){re.escape(w)}\w*") for w in words)
        return self._narrowed(self._query.where(
            "{s} IN (SELECT " + _SEARCHED + " FROM words WHERE words MATCH ?)", _fts_query(words))).marking(patterns)

    def among(self, ids) -> "Excerpts":
        """Those whose sentence id is one of `ids`."""
        return self._narrowed(self._query.where("{s} IN (SELECT value FROM json_each(?))", json.dumps(sorted(ids))))

    def where(self, keep: Callable[[Sentence], bool]) -> "Excerpts":
        """Those whose sentence `keep` accepts (every sentence is read: prefer the narrowing above)."""
        return self.among(sentence.id for sentence in self.sentences() if keep(sentence))

    def marking(self, patterns: tuple[re.Pattern[str], ...], by_meaning: frozenset[int] = frozenset()) -> "Excerpts":
        marked = Excerpts(self._index, self._query, self._strengths, self._patterns + patterns,
                          self._by_meaning | by_meaning, self._spans_of)
        marked.more = self.more
        return marked

    def sentences(self, limit: int | None = None) -> list[Sentence]:
        """Their sentences, in order (the first `limit` only, if given)."""
        return self._index.sentences_by_id([row for row, _ in self._query.rows(limit)])

    def ids(self, limit: int | None = None) -> list[int]:
        """Their sentences' ids, in order (no sentence made)."""
        return [row for row, _ in self._query.rows(limit)]

    def placed(self, place: int) -> "Excerpts":
        """A panel's excerpts at that place (a person's: QUOTED, REPORTED, NAMED; corpus.analysis)."""
        return self._narrowed(self._query.where("q.place = ?", place))

    def by_countries_named(self) -> dict[tuple[str, ...], "Excerpts"]:
        """A theme's excerpts grouped by the countries their sentence is tied to (ISO3 codes,
        sorted; the five Central Asian ones together as "region"), each group in order."""
        groups = {}
        for group, _ in sorted(self._query.groups(), key=lambda g: g[0] or ""):
            key = tuple(group.split(",")) if group else ()
            groups[key] = self._narrowed(self._query.where("q.grp IS ?", group))  # ranks rows only
        return groups

    def _make(self, rows) -> list[Excerpt]:
        sentences = self._index.sentences_by_id([row for row, _ in rows])
        excerpts = []
        for sentence, (_, score) in zip(sentences, rows):
            if self._spans_of is not None:
                spans = self._spans_of(sentence)
            else:
                spans = matched_spans(sentence.mentions, self._strengths) if self._strengths else ()
            if self._patterns:
                folded = fold(sentence.text)
                words = [folded.span_in_original(*m.span()) for p in self._patterns for m in p.finditer(folded.text)]
                spans = merge_spans([*spans, *words])
            excerpt = self._index._excerpt(sentence, spans, strength_of(score))
            excerpts.append(replace(excerpt, by_meaning=True) if sentence.id in self._by_meaning else excerpt)
        return excerpts


def _naming(kind: str) -> int:
    """The least ranks score of a sentence that names a selection of `kind` itself (a country's
    rows also hold the sentences that speak of it through a city or the region)."""
    return DIRECTLY if kind == "country" else 0


_SEARCHED = f"((1 << {SENTENCE_BITS}) - 1 - (words.rowid & ((1 << {SENTENCE_BITS}) - 1)))"  # see store.search_key


def _fts_query(words: list[str]) -> str:
    return " AND ".join('"' + word.replace('"', '""') + '"*' for word in words)


@dataclass(frozen=True)
class ThemeCounts:
    """How many of each theme's sentences there are, and how many are tied to each country (by name,
    through a city or as part of the region: as the panel counts them), each place they name and
    each summit venue of their articles. One count, read by the map, the panel, the themes page and
    the table view."""

    sentences: dict[str, int]  # theme slug → its sentences
    countries: dict[tuple[str, str], int]  # (theme, ISO3) → of them, those tied to the country
    places: dict[tuple[str, str], int]  # (theme, place slug) → those naming the place
    venues: dict[tuple[str, str], int]  # (theme, venue slug) → those from articles about that summit


@dataclass(frozen=True)
class ThemeTies:
    countries: dict[str, Sentences]  # ISO3 → supporting sentences, in corpus order
    places: dict[str, Sentences]  # place slug → supporting sentences
    venues: dict[str, Sentences]  # summit venue slug → supporting sentences


class _StoredArticle:
    """What the duplicate-id rule (`corpus_of`) needs of a stored article: its id and file."""

    def __init__(self, article_id: str, name: str):
        self.id, self.file = article_id, name


class ArticleShelf(Mapping[str, Article]):
    """The corpus's articles by id, each read from the store when asked for (and kept a while)."""

    def __init__(self, store: CorpusStore, files: dict[str, str]):
        self._store = store
        self._files = files  # article id → file name, in file-name order
        self._cache: OrderedDict[str, Article] = OrderedDict()

    def __getitem__(self, article_id: str) -> Article:
        if article_id in self._cache:
            self._cache.move_to_end(article_id)
            return self._cache[article_id]
        rows = self._store.read("SELECT article FROM files WHERE name = ?", (self._files[article_id],))
        if not rows:
            raise KeyError(article_id)
        return self._keep(article_id, Article.from_fields(json.loads(rows[0][0])))

    def _keep(self, article_id: str, article: Article) -> Article:
        self._cache[article_id] = article
        if len(self._cache) > CACHED_ARTICLES:
            self._cache.popitem(last=False)
        return article

    def many(self, article_ids) -> dict[str, Article]:
        """These articles (ids this corpus has), read 500 to a query: what a list of thousands of
        events needs at once."""
        found = {i: self._cache[i] for i in dict.fromkeys(article_ids) if i in self._cache}
        missing = [self._files[i] for i in dict.fromkeys(article_ids) if i not in found and i in self._files]
        for start in range(0, len(missing), 500):
            chunk = missing[start:start + 500]
            for (fields,) in self._store.read(f"SELECT article FROM files WHERE name IN ({','.join('?' * len(chunk))})",
                                              chunk):
                article = Article.from_fields(json.loads(fields))
                found[article.id] = self._keep(article.id, article)
        return found

    def __contains__(self, article_id) -> bool:
        return article_id in self._files

    def __iter__(self):
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)


class _ArticleList(Sequence):
    def __init__(self, articles: Mapping[str, Article], ids: list[str]):
        self._articles, self._ids = articles, ids

    def __len__(self) -> int:
        return len(self._ids)

    def __getitem__(self, item):
        if isinstance(item, slice):
            return [self._articles[i] for i in self._ids[item]]
        return self._articles[self._ids[item]]


@dataclass(frozen=True)
class StoredCorpus(Corpus):
    keys: dict[str, str] = field(default_factory=dict)  # article_key → article id

    def find(self, article_id: str) -> Article | None:
        found = self.keys.get(article_key(article_id))
        return self.articles[found] if found else None


class CorpusIndex:
    """The corpus as the store holds it, looked up by what its sentences mention; made by
    `corpus.build.load_index` (or `build_index`). Queries read the store on disk."""

    def __init__(self, store: CorpusStore, gazetteer: Gazetteer, themes: dict[str, Theme]):
        self.store = store
        self.gazetteer = gazetteer
        self.themes = themes
        self.key = uuid.uuid4().hex  # for caches of what is worked out from it (never reused, unlike id())
        files = store.read("SELECT name, article_id, skipped, published, first, count FROM files ORDER BY name")
        read = [SkippedFile(name, skipped) if skipped is not None else _StoredArticle(article_id, name)
                for name, article_id, skipped, *_ in files]
        owned = corpus_of(read)  # type: ignore[arg-type]  # the duplicate-id rule, on ids and names only
        names = {article_id: item.file for article_id, item in owned.articles.items()}
        owners = set(names.values())
        self._published = {article_id: published for _, article_id, skipped, published, *_ in files if skipped is None}
        self._extent = {article_id: (first or 0, count or 0) for name, article_id, skipped, _, first, count in files
                        if name in owners}
        # a second file with the same id keeps its rows, unshown: removing the first brings it back
        self._hidden = [(first, first + count - 1) for name, _, skipped, _, first, count in files
                        if skipped is None and name not in owners and count]
        self._last = store.read("SELECT coalesce(max(id), 0) FROM sentences")[0][0]  # newer rows are not ours
        self.state = store.state()  # what is kept beside these rows is of this state (`CorpusStore.keep`)
        self._selections = {(kind, key): row for row, kind, key in store.read("SELECT id, kind, key FROM selections")}
        self.corpus = StoredCorpus(ArticleShelf(store, names), owned.skipped,
                                   {article_key(article_id): article_id for article_id in names})
        self._sentence_cache: OrderedDict[int, Sentence] = OrderedDict()
        self._rankings: dict = {}  # a selection's excerpts, kept with their count and first pages
        self._counts: list | None = None
        self._theme_counts: dict[int | None, ThemeCounts] = {}

    def articles_of(self, article_ids) -> dict[str, Article]:
        """The articles of these ids, read together (the shelf reads one at a time when asked)."""
        return self.corpus.articles.many(article_ids)

    # --- the store, read ---------------------------------------------------------------------

    def _live(self, column: str) -> list[tuple[str, tuple]]:
        """Conditions keeping this index's own sentences: not newer than it, not a hidden duplicate's."""
        conditions = [(f"{column} <= ?", (self._last,))]
        conditions += [(f"{column} NOT BETWEEN ? AND ?", hidden) for hidden in self._hidden]
        return conditions

    def selection_id(self, kind: str, key: str) -> int:
        return self._selections.get((kind, key), -1)

    def sentences_by_id(self, ids: list[int]) -> list[Sentence]:
        cache = self._sentence_cache
        missing = [i for i in ids if i not in cache]
        for start in range(0, len(missing), 500):
            chunk = missing[start:start + 500]
            for row in self.store.read("SELECT id, article, paragraph, number, start, end, text, mentions "
                                       f"FROM sentences WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                row_id, article_id, paragraph, number, start_, end, text, mentions = row
                cache[row_id] = Sentence(article_id, paragraph, number, start_, end, text,
                                         tuple(Mention(*m) for m in json.loads(mentions)), row_id)
        found = [cache[i] for i in ids if i in cache]
        while len(cache) > CACHED_SENTENCES:
            cache.popitem(last=False)
        return found

    def texts_after(self, after: int, limit: int) -> list[tuple[int, str]]:
        """(id, text) of the index's next `limit` sentences after id `after`, in id order: the text
        alone, for a pass over the whole corpus (corpus.query's sign codes)."""
        where, parameters = self._where_live("id")
        return self.store.read(f"SELECT id, text FROM sentences WHERE id > ? AND {where} ORDER BY id LIMIT ?",
                               [after, *parameters, limit])

    def texts_by_id(self, ids: list[int]) -> dict[int, str]:
        """The text of each of these sentences (without making Sentence objects)."""
        texts = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            texts.update(self.store.read(f"SELECT id, text FROM sentences WHERE id IN ({','.join('?' * len(chunk))})",
                                         chunk))
        return texts

    def _sentences(self, table: str, conditions, column: str = "sentence") -> Sentences:
        """Sentences a table's rows name, in corpus order; `conditions` on its own columns."""
        return Sentences(self, _Query(self, f"{table} AS q", f"q.{column}, 0", conditions, f"q.{column}",
                                      f"q.{column}", "q.date"))

    @property
    def sentences(self) -> Sentences:
        """Every sentence of the corpus's articles, in the store's order (read as iterated)."""
        return self._sentences("sentences", (), "id")

    def article_sentence(self, article_id: str, number: int) -> Sentence | None:
        """The article's sentence `number`, counted from 1 as in links (`Sentence.number` counts from 0)."""
        first, count = self._extent.get(article_id, (0, 0))
        found = self.sentences_by_id([first + number - 1]) if 1 <= number <= count else []
        return found[0] if found else None

    def articles_by_date(self) -> Sequence[Article]:
        """The articles, oldest first (file-name order on a tie), each read when asked for."""
        return _ArticleList(self.corpus.articles, sorted(self.corpus.articles, key=self._published.__getitem__))

    def languages(self) -> list[str]:
        """The languages the corpus's articles are in (read from every stored article once)."""
        if "languages" not in self._rankings:
            rows = self.store.read("SELECT DISTINCT json_extract(article, '$.language') FROM files "
                                   "WHERE article IS NOT NULL")
            self._rankings["languages"] = sorted(language for (language,) in rows)
        return self._rankings["languages"]

    # --- what the corpus names -------------------------------------------------------------

    def mentioned_places(self) -> set[str]:
        if "places" not in self._rankings:
            self._rankings["places"] = {key for (kind, key), row in self._selections.items() if kind == "place"
                                        and self._ranked(("place", key)).count_at_least_one()}
        return self._rankings["places"]

    # --- excerpts, best first ----------------------------------------------------------------

    def country_strengths(self, iso3: str) -> dict[tuple[str, str], int]:
        return country_strengths(self.gazetteer, iso3)

    def excerpts_for_country(self, iso3: str) -> Excerpts:
        return self._ranked(("country", iso3))

    def excerpts_for_place(self, slug: str) -> Excerpts:
        return self._ranked(("place", slug))

    def excerpts_for_theme(self, slug: str) -> Excerpts:
        return self._ranked(("theme", slug))

    def _ranked(self, selection: Selection) -> "_Ranked":
        """The sentences speaking to `selection`, strongest first; then those matching more (up to
        three) words; then the latest. Ranked when stored: this is a scan of the store's index."""
        if selection not in self._rankings:
            query = _Query(self, "ranks AS q", "q.sentence, q.score", (("q.selection = ?", (self.selection_id(*selection),)),),
                           "q.score DESC, q.date DESC, q.sentence", "q.sentence", "q.date")
            self._rankings[selection] = _Ranked(self, query, selection_strengths(self.gazetteer, selection))
        return self._rankings[selection]

    def panel(self, selection: tuple[str, str],
              spans_of: Callable[[Sentence], tuple[tuple[int, int], ...]] | None = None) -> Excerpts:
        """A panel's excerpts as the close reading placed them when each article was analysed
        (`corpus.analysis.Analyser.panel_rows`), then the latest: a scan of the store's index.
        Kinds: place, country, theme, person; ("summit", venue) lists that summit's sentences."""
        key = ("panel", selection)
        if key not in self._rankings:
            query = _Query(self, "panels AS q", "q.sentence, q.score", (("q.selection = ?", (self.selection_id(*selection),)),),
                           "q.place, q.date DESC, q.sentence", "q.sentence", "q.date")
            self._rankings[key] = Excerpts(self, query, spans_of=spans_of)
        return self._rankings[key]

    def found_people(self) -> dict[str, str]:
        """slug → the person as stored (JSON) of everyone the articles name with a title that the
        people file does not know (the first article's reading of them)."""
        if "found people" not in self._rankings:
            live = set(self._extent)
            rows = self.store.read("SELECT f.slug, f.person, s.article_id FROM found_people f JOIN files s "
                                   "ON s.name = f.file ORDER BY f.slug, f.file")
            found: dict[str, str] = {}
            for slug, person, article_id in rows:
                if article_id in live:
                    found.setdefault(slug, person)
            self._rankings["found people"] = found
        return self._rankings["found people"]

    # --- a summit's sheet: counts of what the analysis kept (corpus.store's summit_facts table) ---

    def _facts(self, venue: str, kinds: tuple[str, ...], sql: str, parameters=()) -> list[tuple]:
        """`sql` over the summit's facts of these kinds: {where} is where they are chosen, {first}
        the order first stated (the earliest article, then the store's order)."""
        where = f"venue = ? AND kind IN ({','.join('?' * len(kinds))})"
        first = f"min(date * {1 << SENTENCE_BITS} + sentence)"
        return self.store.read(sql.format(where=where, first=first),
                               (*parameters, self.selection_id("summit", venue), *kinds))

    def summit_outcomes(self, venue: str, lang: str, sources: int) -> list[tuple[str, str, str, str, int, list[Sentence]]]:
        """What the summit at `venue` produced, each item once, in the order first stated (the
        earliest article first): (kind, key, label, its language, sentences stating it, the first
        `sources` of them). The label in `lang` where an article in that language states it, else
        in the language of the first article that does."""
        items = self._facts(venue, KINDS, "SELECT kind, key, count(*), {first} AS first "
                                          "FROM summit_facts WHERE {where} GROUP BY kind, key ORDER BY first")
        labels: dict[tuple[str, str], tuple[str, str]] = {}
        for kind, key, language, label, _ in self._facts(  # each language's first words for it
                venue, KINDS, "SELECT kind, key, language, label, {first} FROM summit_facts "
                              "WHERE {where} GROUP BY kind, key, language ORDER BY 5"):
            if (kind, key) not in labels or language == lang:
                labels[(kind, key)] = (label, language)
        stating: dict[tuple[str, str], list[int]] = {}
        for kind, key, sentence in self._facts(
                venue, KINDS, "SELECT kind, key, sentence FROM (SELECT kind, key, sentence, row_number() OVER "
                              "(PARTITION BY kind, key ORDER BY date, sentence) AS n FROM summit_facts WHERE {where}) "
                              f"WHERE n <= {int(sources)}"):
            stating.setdefault((kind, key), []).append(sentence)
        return [(kind, key, *labels[(kind, key)], count, self.sentences_by_id(stating[(kind, key)]))
                for kind, key, count, _ in items]

    def summit_themes(self, venue: str) -> list[tuple[str, int]]:
        """The themes the summit's sentences raise, with how many sentences raise each, most first."""
        return [(key, n) for key, n, _ in self._facts(
            venue, (SUMMIT_THEME,), "SELECT key, count(*) AS n, {first} AS first FROM summit_facts "
                                    "WHERE {where} GROUP BY key ORDER BY n DESC, first")]

    def summit_people(self, venue: str) -> list[tuple[str, int, int]]:
        """The people the summit's sentences name or quote: (slug, those sentences, their own
        statements among them), most named first."""
        return [(key, named, said) for key, named, said, _ in self._facts(
            venue, (SUMMIT_PERSON, SUMMIT_SPEAKER),
            "SELECT key, sum(kind = ?) AS n, sum(kind = ?), {first} AS first FROM summit_facts "
            "WHERE {where} GROUP BY key ORDER BY n DESC, first", (SUMMIT_PERSON, SUMMIT_SPEAKER))]

    def summit_extent(self, venue: str) -> tuple[int, int, int | None]:
        """The summit's sentences, their articles, and the latest publication date among them (YYYYMMDD)."""
        return tuple(self._facts(venue, (SUMMIT_SENTENCE,), "SELECT count(*), count(DISTINCT key), max(date) "
                                                          "FROM summit_facts WHERE {where}")[0])

    def readings(self, article_id: str) -> list[str | None]:
        """The stored close reading of each of an article's sentences (JSON, corpus.reader), in order."""
        first, count = self._extent.get(article_id, (0, 0))
        return [reading for (reading,) in self.store.read(
            "SELECT reading FROM sentences WHERE id BETWEEN ? AND ? ORDER BY id", (first, first + count - 1))]

    def countries_named(self, sentence: Sentence) -> tuple[str, ...]:
        """ISO3 codes a sentence names, itself or through one of its cities, in corpus order."""
        named = [m.key if m.kind == "country" else self.gazetteer.places[m.key].country
                 for m in sentence.mentions if m.kind in ("country", "place")]
        return tuple(dict.fromkeys(named))

    def countries_spoken_of(self, sentence: Sentence) -> list[str]:
        keys = {(m.kind, m.key) for m in sentence.mentions}
        return [iso3 for iso3 in self.gazetteer.countries if not keys.isdisjoint(self.country_strengths(iso3))]

    def published_by(self, sentence: Sentence, until: int | None) -> bool:
        return until is None or int(self._published[sentence.article_id][:4]) <= until

    def mentioning(self, kind: str, key: str, until: int | None = None) -> Sentences:
        """Sentences that mention (kind, key) directly (from articles published by `until`), in corpus order."""
        conditions = [("selection = ?", (self.selection_id("country" if kind == "country" else kind, key),))]
        if kind == "country":
            conditions.append(("score >= ?", (_naming(kind),)))
        if until is not None:
            conditions.append(("date <= ?", (until * 10_000 + 9999,)))
        sentences = self._sentences("ranks", tuple(conditions))
        known = self._mention_counts(until)
        if known is not None:  # as the store keeps them: no pass over the rows
            sentences._query._count, sentences.articles = known.get(conditions[0][1][0], (0, 0))
        return sentences

    def _mention_counts(self, until: int | None) -> dict[int, tuple[int, int]] | None:
        """Selection id → (sentences, articles) naming it itself, by `until`, as the store keeps them
        (None where those are not this index's: a hidden duplicate, a store changed since)."""
        key = ("mention counts", until)
        if key not in self._rankings:
            kept = None if self._hidden else self.store.mention_counts()
            if kept is not None and self.store.read("SELECT coalesce(max(id), 0) FROM sentences")[0][0] != self._last:
                kept = None
            table: dict[int, tuple[int, int]] = {}
            for selection, year, sentences, articles in kept or ():
                if until is None or year <= until:
                    known = table.get(selection, (0, 0))
                    table[selection] = (known[0] + sentences, known[1] + articles)
            self._rankings[key] = None if kept is None else table
        return self._rankings[key]

    # --- themes ------------------------------------------------------------------------------

    def theme_counts(self, until: int | None = None) -> ThemeCounts:
        """The one theme count (see ThemeCounts), from articles published by `until` if given."""
        if until in self._theme_counts:
            return self._theme_counts[until]
        if self._counts is None and not self._hidden:  # as the store keeps them, if they are this index's
            kept = self.store.tie_counts()
            last = self.store.read("SELECT coalesce(max(id), 0) FROM sentences")[0][0]
            self._counts = kept if kept is not None and last == self._last else None
        if self._counts is None:  # per theme, target and year: one pass over the store
            conditions = self._live("sentence")
            sql = ("SELECT theme, target, date / 10000, count(*) FROM theme_ties WHERE "
                   + " AND ".join(c for c, _ in conditions) + " GROUP BY theme, target, date / 10000")
            self._counts = self.store.read(sql, [p for _, ps in conditions for p in ps])
        names = {row: selection for selection, row in self._selections.items()}
        tables: dict[str, dict] = {"theme": {}, "country": {}, "place": {}, "venue": {}}
        for theme, target, year, n in self._counts:
            if until is not None and year > until:
                continue
            (_, slug), (kind, key) = names[theme], names[target]
            cell = slug if kind == "theme" else (slug, key)
            tables[kind][cell] = tables[kind].get(cell, 0) + n
        self._theme_counts[until] = ThemeCounts(tables["theme"], tables["country"], tables["place"], tables["venue"])
        return self._theme_counts[until]

    def theme_country_counts(self, until: int | None = None) -> dict[tuple[str, str], int]:
        """Sentences naming each theme that also speak of each country (as the panel counts them),
        from articles published by `until` if given."""
        return self.theme_counts(until).countries

    def theme_ties(self, slug: str, until: int | None = None) -> ThemeTies:
        """What the theme is tied to on the map, each with the theme's sentences that support it:
        the countries its sentences speak of (as the panel counts them: by name, through a city,
        or as part of the region), the places they name, and the summit venue of each article.
        `until`: only articles published in or before that year."""
        counts = self.theme_counts(until)
        theme = self.selection_id("theme", slug)

        def supporting(kind: str, key: str, count: int) -> Sentences:
            conditions = [("theme = ?", (theme,)), ("target = ?", (self.selection_id(kind, key),))]
            if until is not None:
                conditions.append(("date <= ?", (until * 10_000 + 9999,)))
            sentences = self._sentences("theme_ties", tuple(conditions))
            sentences._query._count = count  # the one count: these are the rows it counted
            return sentences

        return ThemeTies(*({key: supporting(kind, key, n) for (s, key), n in sorted(table.items()) if s == slug and n}
                           for kind, table in (("country", counts.countries), ("place", counts.places),
                                               ("venue", counts.venues))))

    # --- dates and figures, found when each article was analysed ---------------------------

    def _where_live(self, column: str) -> tuple[str, list]:
        conditions = self._live(column)
        return " AND ".join(c for c, _ in conditions), [p for _, ps in conditions for p in ps]

    def dated_count(self) -> int:
        where, parameters = self._where_live("sentence")
        return self.store.read(f"SELECT count(*) FROM dated WHERE {where}", parameters)[0][0]

    def dated(self, limit: int | None = None) -> list[tuple[Sentence, Dated]]:
        """The first `limit` stored dates (all if None), by date, article and reading order."""
        where, parameters = self._where_live("sentence")
        return [(sentence, dated) for sentence, _, dated in self._dated_rows(
            f"WHERE {where} ORDER BY date, article, sentence, position"
            + (f" LIMIT {int(limit)}" if limit is not None else ""), parameters)]

    def dated_events(self) -> list[tuple[int, int, str, str, str, str, str]]:
        """The keys of every stored date the timeline takes as an event (`Dated.entry`), by date,
        article and reading order: (sentence id, position, date, status, basis, entry, article id)."""
        where, parameters = self._where_live("sentence")
        return self.store.read(f"SELECT sentence, position, date, status, basis, entry, article FROM dated "
                               f"WHERE {where} AND entry != '' ORDER BY date, article, sentence, position", parameters)

    def dated_at(self, sentence_ids: list[int]) -> dict[tuple[int, int], tuple[Sentence, Dated]]:
        """The stored dates of these sentences, by (sentence id, position)."""
        found = {}
        ids = list(dict.fromkeys(sentence_ids))
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            found.update(((sentence.id, position), (sentence, dated)) for sentence, position, dated
                         in self._dated_rows(f"WHERE sentence IN ({','.join('?' * len(chunk))})", chunk))
        return found

    def _dated_rows(self, condition: str, parameters) -> list[tuple[Sentence, int, Dated]]:
        rows = self.store.read("SELECT sentence, position, date, status, start, end, basis, vals, entry FROM dated "
                               + condition, parameters)
        sentences = {s.id: s for s in self.sentences_by_id(list(dict.fromkeys(row[0] for row in rows)))}
        return [(sentences[row], position, Dated(date, status, (start, end), basis, tuple(map(tuple, json.loads(values))),
                                                 entry))
                for row, position, date, status, start, end, basis, values, entry in rows if row in sentences]

    def published_of(self, article_id: str) -> str:
        """The article's date of publication (YYYY, YYYY-MM or YYYY-MM-DD), without reading it."""
        return self._published[article_id]

    def is_dated(self, sentence: Sentence) -> bool:
        """Whether the sentence has a date of its own on the timeline."""
        return bool(self.store.read("SELECT 1 FROM dated WHERE sentence = ? LIMIT 1", (sentence.id,)))

    def figure_count(self) -> int:
        where, parameters = self._where_live("sentence")
        return self.store.read(f"SELECT count(*) FROM figures WHERE {where}", parameters)[0][0]

    def figures(self, limit: int | None = None) -> list[tuple[Sentence, Stated]]:
        """The first `limit` stored figures (all if None), in corpus order."""
        where, parameters = self._where_live("sentence")
        rows = self.store.read(f"SELECT sentence, value, kind, scale, unit, about, year, start, end FROM figures "
                               f"WHERE {where} ORDER BY sentence, position"
                               + (f" LIMIT {int(limit)}" if limit is not None else ""), parameters)
        sentences = {s.id: s for s in self.sentences_by_id(list(dict.fromkeys(row[0] for row in rows)))}
        return [(sentences[row], Stated(value, kind, scale, unit, about, year, (start, end)))
                for row, value, kind, scale, unit, about, year, start, end in rows if row in sentences]

    # --- search ----------------------------------------------------------------------------

    def search(self, query: str, within: Excerpts | None = None, everything: bool = False,
               until: int | None = None) -> Excerpts:
        """Sentences containing every word of `query` (as word starts, ignoring case and accents),
        in any language (a place's or country's spellings, the bilingual lexicon: corpus.query),
        latest articles first (the latest SEARCH_LIMIT where the words alone decide, `more` then
        saying there are more; all of them if `everything`; from articles published by `until`,
        applied before the cut); then the sentences closest to it in meaning, marked
        `by_meaning`; or in the order of `within`. The words must be in the sentence itself, not
        only in the context shown around it; they are highlighted."""
        words = [w for w in query_words(query) if len(w) >= MIN_QUERY_WORD or w.isdigit()]
        if not words:
            return Excerpts(self, _Listed(self, []))
        # the full-text index finds (the latest SEARCH_LIMIT where the words alone decide); patterns mark
        found, more, marks = matching(self, words, None if within is not None or everything else SEARCH_LIMIT, until)
        # a Chinese word is found inside a run of characters: no word boundary to look for
        patterns = tuple(re.compile(re.escape(w) if CJK.search(w) else rf"(?<!\w){re.escape(w)}\w*") for w in marks)
        # past the cut, the word matches not listed could come back as "close in meaning": none then
        close = [] if more else [sid for sid, _ in by_meaning(self, query, words, set(found))]
        if within is not None:
            return within.among({*found, *close}).marking(patterns, frozenset(close))
        top = DIRECT * (MOST_SPANS + 1)
        listed = [(sid, top) for sid in found] + [(sid, top) for sid in close]  # best in meaning first
        excerpts = Excerpts(self, _Listed(self, listed), None, patterns, frozenset(close))
        excerpts.more = more
        return excerpts.published_by(until)  # the meaning rows too

    def search_keys(self, expression: str, limit: int | None = None, until: int | None = None) -> list[int]:
        """Search keys (`store.search_key`) of this index's sentences matching a full-text
        `expression`, from articles published by `until`, latest first, at most `limit`: the
        index's own order, streamed."""
        where, parameters = self._where_live(_SEARCHED)
        if until is not None:  # the key starts with the date: an upper bound on the row key
            where, parameters = f"{where} AND words.rowid < ?", [*parameters, (until * 10_000 + 10_000) << SENTENCE_BITS]
        sql = f"SELECT rowid FROM words WHERE words MATCH ? AND {where} ORDER BY rowid DESC"
        return [key for (key,) in self.store.read(sql + (f" LIMIT {int(limit)}" if limit is not None else ""),
                                                    [expression, *parameters])]

    def mentioned_among(self, kind: str, key: str, ids: list[int]) -> set[int]:
        """Which of these sentences name (kind, key) themselves, as `mention_keys` counts them."""
        return {sentence for (sentence,) in self.store.read(
            "SELECT sentence FROM ranks WHERE sentence IN (SELECT value FROM json_each(?)) AND selection = ? "
            "AND score >= ?", [json.dumps(ids), self.selection_id(kind, key), _naming(kind)])}

    def mention_keys(self, kind: str, key: str) -> list[int]:
        """Search keys of this index's sentences naming (kind, key) themselves, as the recogniser found
        them (any spelling, declined, a coreference), without reading the sentences."""
        where, parameters = self._where_live("sentence")
        return [search_key(date, sentence) for date, sentence in self.store.read(
            f"SELECT date, sentence FROM ranks WHERE selection = ? AND score >= ? AND {where}",
            [self.selection_id(kind, key), _naming(kind), *parameters])]

    def with_words(self, phrase: str) -> Iterator[Sentence]:
        """The sentences holding each of `phrase`'s words whole (folded; not as word starts, as a
        search takes them), latest articles first, read a page at a time."""
        words = query_words(phrase)
        if not words:
            return
        where, parameters = self._where_live(_SEARCHED)
        rows = self.store.read(f"SELECT {_SEARCHED} FROM words WHERE words MATCH ? AND {where} ORDER BY words.rowid DESC",
                               [" AND ".join('"' + w.replace('"', '""') + '"' for w in words), *parameters])
        for start in range(0, len(rows), PAGE):
            yield from self.sentences_by_id([row for row, in rows[start:start + PAGE]])

    # --- excerpts, made ----------------------------------------------------------------------

    def _excerpt(self, sentence: Sentence, spans: tuple[tuple[int, int], ...], strength: int) -> Excerpt:
        article = self.corpus.articles[sentence.article_id]
        if len(sentence.text) >= SHORT_SENTENCE:
            return Excerpt(article, sentence, sentence.text, spans, strength, sentence.start)
        first, count = self._extent[sentence.article_id]
        around = [i for i in (sentence.id - 1, sentence.id + 1) if first <= i < first + count]
        siblings = [s for s in self.sentences_by_id(around) if s.paragraph == sentence.paragraph]
        before = next((s for s in siblings if s.id < sentence.id), sentence)
        after = next((s for s in siblings if s.id > sentence.id), sentence)
        paragraph = article.paragraphs[sentence.paragraph]
        shift = sentence.start - before.start
        shifted = tuple((s + shift, e + shift) for s, e in spans)
        return Excerpt(article, sentence, paragraph[before.start:after.end], shifted, strength, before.start)


class _Ranked(Excerpts):
    def count_at_least_one(self) -> bool:
        return bool(self._query.rows(1))

