"""Search across languages: what `CorpusIndex.search` finds besides the words as typed.

- Names through the gazetteer: a query word or phrase that is a place's or a country's spelling
  (`Kyrgyzstan`, `Xian`, `Pekin`) also finds the sentences that name it in any spelling
  (`Kirghizistan`, `Xi’an`, `Pékin`), as the recogniser found them.
- Words through a small bilingual lexicon (data/search_lexicon.yaml, read both ways): `pipeline`
  also finds `gazoduc`, `treaty` finds `traité`.
- Meaning through the sentence encoder (corpus.meaning): a query of a few words also finds the
  sentences closest to it in meaning, in every language, above `MEANING_FLOOR`; those are marked.
  A query the encoder cannot take (no letters, too long, control characters) gets words alone.

It writes the full-text query (FTS5's syntax: `_expression`) and asks the index for search keys,
mentions and texts (`CorpusIndex.search_keys`, `mention_keys`, `mentioned_among`, `texts_*`) and
the store for the words a prefix starts (`CorpusStore.terms_starting`).
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np
import snowballstemmer
import yaml

from corpus.gazetteer import reading
from corpus.meaning import embeddable, encode, sentence_vectors
from corpus.store import sentence_of
from corpus.text import fold, search_terms

LEXICON_FILE = Path(__file__).parent / "data" / "search_lexicon.yaml"
MAX_PHRASE = 4  # words in the longest name or lexicon entry looked up
# Meaning: queries of at least this many words (one or two words are names or lexicon entries:
# the encoder places a lone word too close to every sentence of the region's news), and the
# cosine a sentence must reach, calibrated on tests/fixtures/news/queries.yaml
# (bench/bench_search.py: precision and recall of the sentences found by meaning).
MEANING_WORDS = 3
# Calibrated with bench/bench_search.py (16 queries, 20 wanted and 1,137 unrelated (query, sentence)
# pairs): floor 0.28 within 0.10 of the best finds 75 % of the wanted French sentences and lets 8
# unrelated pairs through (half a sentence a query); no band: 22 unrelated; floor 0.36: 45 % found.
# A short query sits far from a long sentence even when it is its subject, so the word search
# (with names and the lexicon) comes first and meaning adds to it.
MEANING_FLOOR = 0.28
MEANING_BAND = 0.10  # and within this much of the query's best sentence
MEANING_LIMIT = 50  # sentences by meaning, best first
MAX_QUERY = 300  # characters: a longer query is searched by its words only


def query_words(query: str) -> list[str]:
    """Words as the full-text index cuts them: letters and digits, folded ("_" and "-" separate)."""
    return re.findall(r"[^\W_]+", fold(query).text)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[str, ...]]:
    """Folded word phrase → the phrases it stands for in the other language (and itself)."""
    with reading(LEXICON_FILE) as path:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    table: dict[str, set[str]] = {}
    for english, french in entries.items():
        key = " ".join(query_words(str(english)))
        for other in map(str, french):
            other_key = " ".join(query_words(other))
            table.setdefault(key, {key}).add(other_key)
            table.setdefault(other_key, {other_key}).add(key)
    return {key: tuple(sorted(values)) for key, values in table.items()}


_NAMES_LOCK = threading.Lock()
_NAMES: dict[int, dict[str, tuple[str, str]]] = {}


def names(gazetteer) -> dict[str, tuple[str, str]]:
    """Folded spelling → (kind, key) of every place and country of the gazetteer."""
    with _NAMES_LOCK:
        if id(gazetteer) not in _NAMES:
            table: dict[str, tuple[str, str]] = {}
            for country in gazetteer.countries.values():
                for alias in country.aliases:
                    table.setdefault(" ".join(query_words(alias)), ("country", country.iso3))
            for place in gazetteer.places.values():
                for alias in place.aliases:
                    table.setdefault(" ".join(query_words(alias)), ("place", place.slug))
            table.pop("", None)
            _NAMES[id(gazetteer)] = table
        return _NAMES[id(gazetteer)]


SEARCH_LIMIT = 1_000  # sentences a search lists, latest first, where the words alone decide (see `matching`)


def matching(index, words: list[str], limit: int | None, until: int | None = None) -> tuple[list[int], bool, list[str]]:
    """The sentences holding every query word, each word (or phrase) standing for its spellings and
    translations, latest articles first (from articles published by `until`, where the words
    alone decide); whether there are more than `limit` (None: all of them); and the words to
    highlight.

    Where the words alone decide, one full-text query streams the latest matches in the index's
    own order and stops at `limit`: a word in 200,000 sentences costs as little as a rare one.
    A place's or country's name also takes the sentences the recogniser found naming it (in any
    spelling, declined, "the Kazakh capital"), which the full-text index cannot say: then every
    match is gathered (as search keys, without reading the sentences) and nothing is cut."""
    known, table = names(index.gazetteer), lexicon()
    groups: list[list[list[str]]] = []  # per word or phrase: its alternatives, each a list of terms
    named: list[tuple[str, str] | None] = []  # the place or country a word or phrase names
    marks: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(MAX_PHRASE, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n])
            if phrase in known or phrase in table or n == 1:
                break
        alternatives = [[term for w in words[i:i + n] for term in _as_searched(w)]]
        for other in table.get(phrase, ()):
            alternatives.append([term for w in other.split() for term in _as_searched(w)])
        groups.append(alternatives)
        named.append(known.get(phrase))
        marks += [term for alternative in alternatives for term in alternative]
        i += n
    marks = list(dict.fromkeys(marks))
    if not any(named):
        keys = index.search_keys(_expression(index, groups), None if limit is None else limit + 1, until)
        more = limit is not None and len(keys) > limit
        return [sentence_of(key) for key in keys[:limit]], more, marks
    plain = [alternatives for alternatives, name in zip(groups, named) if not name]
    if plain:  # the words first (one full-text query), then each name only among what they found
        found = {sentence_of(key): key for key in index.search_keys(_expression(index, plain))}
        for alternatives, name in zip(groups, named):
            if name and found:
                by_text = {sentence_of(key) for key in index.search_keys(_expression(index, [alternatives, *plain]))}
                by_name = index.mentioned_among(*name, [sid for sid in found if sid not in by_text])
                found = {sid: key for sid, key in found.items() if sid in by_text or sid in by_name}
    else:  # names alone: every sentence naming each, as search keys
        found = None
        for alternatives, name in zip(groups, named):
            keys = index.search_keys(_expression(index, [alternatives])) + index.mention_keys(*name)
            group = {sentence_of(key): key for key in keys}
            found = group if found is None else {sid: key for sid, key in found.items() if sid in group}
    return [sentence_of(key) for key in sorted((found or {}).values(), reverse=True)], False, marks


MOST_WORDS_OF_A_PREFIX = 64  # a term that starts more of the index's words is asked as a prefix


def _expression(index, groups: list[list[list[str]]]) -> str:
    """The full-text query: every group, each one of its alternatives, each term a word start,
    spelled out as the index's words that start with it (`CorpusStore.terms_starting`)."""
    def quoted(word: str) -> str:
        return '"' + word.replace('"', '""') + '"'

    def word_start(term: str) -> str:
        words = index.store.terms_starting(term, MOST_WORDS_OF_A_PREFIX)
        if words is None:
            return quoted(term) + "*"
        return "(" + " OR ".join(map(quoted, words)) + ")" if words else quoted(term) + "*"

    def alternative(terms: list[str]) -> str:
        return "(" + " AND ".join(map(word_start, terms)) + ")"
    return " AND ".join("(" + " OR ".join(alternative(terms) for terms in alternatives) + ")" for alternatives in groups)


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_RUSSIAN = snowballstemmer.stemmer("russian")
_RUSSIAN_LOCK = threading.Lock()  # a stemmer keeps its word while it works: one thread at a time
MIN_STEM = 4  # letters a Russian word keeps as its stem: "железная" → железн, "дорога" → дорог


def _as_searched(word: str) -> list[str]:
    """A folded query word as the index is asked for it, each term taken as a word start: a Russian
    word by its stem (Russian declines its nouns and adjectives: "железная дорога" must find
    "железной дороги"), Chinese by pairs of characters (corpus.text.search_terms)."""
    if _CYRILLIC.search(word) and len(word) > MIN_STEM:
        with _RUSSIAN_LOCK:
            stem = _RUSSIAN.stemWord(word)
        return [stem if len(stem) >= MIN_STEM else word]
    return search_terms(word)



def by_meaning(index, query: str, words: list[str], exclude: set[int]) -> list[tuple[int, float]]:
    """(sentence id, cosine) of the sentences closest in meaning to `query`, best first, above the floor.

    In three steps, so that memory does not grow with the corpus as a matrix of vectors would
    (float16: 1.3 GB and 4.7 s a query at 100,000 articles, 0.46 s at 10,000): every sentence's
    vector is held as its 512 signs (64 bytes); the `ROUGH` nearest by the distance between signs
    are estimated more closely (the query's own values against those signs), and the `CANDIDATES`
    best of those have their exact cosine worked out from the vectors kept beside the store. The
    floor and band apply to the exact cosines, as before. On 10,000 generated articles the result
    holds 99 % of what the exact search over every vector finds (BENCHMARKS.md)."""
    if len(words) < MEANING_WORDS or len(query) > MAX_QUERY or not embeddable(query):
        return []
    ids, codes = _codes(index)
    if not len(ids):
        return []
    wanted = encode([query])[0]
    signs = _signs(wanted[None, :])[0]
    distance = np.bitwise_count(codes[0] ^ signs[0]).astype(np.uint16)  # one word of every sentence at a time: 4× as fast
    for word in range(1, len(signs)):
        distance += np.bitwise_count(codes[word] ^ signs[word])
    # sentences found by their words already are not candidates (they would crowd out the rest), but
    # the nearest few of them still set the best score the band is measured from, as before
    found_already = np.zeros(0, dtype=np.int64)
    if exclude:
        excluded = np.isin(ids, np.fromiter(exclude, dtype=np.int64, count=len(exclude)))
        found_already = _smallest(np.where(excluded, distance, np.iinfo(np.uint16).max), BEST_OF_FOUND)
        found_already = found_already[excluded[found_already]]
        distance[excluded] = np.iinfo(np.uint16).max
    near = _smallest(distance, ROUGH)
    # the query's own values against each sign (asymmetric): much closer to the cosine than the
    # distance between signs, at 64 table look-ups a sentence
    table = wanted.reshape(64, 8) @ _BITS.T  # per byte of a code: the sum of the query's values its bits set
    estimate = table[np.arange(64), np.ascontiguousarray(codes[:, near].T).view(np.uint8)].sum(axis=1)
    nearest = np.concatenate([near[_smallest(-estimate, CANDIDATES)], found_already])
    texts = index.texts_by_id([int(ids[i]) for i in nearest])
    candidates = list(texts)
    if not candidates:  # the store changed under an older index
        return []
    vectors = sentence_vectors(index.store).vectors([texts[sid] for sid in candidates], most_new=0)
    scores = vectors @ wanted
    order = np.argsort(-scores, kind="stable")
    best = float(scores[order[0]])
    found = [(candidates[i], float(scores[i])) for i in order
             if scores[i] >= MEANING_FLOOR and scores[i] >= best - MEANING_BAND]
    return [(sid, score) for sid, score in found if sid not in exclude][:MEANING_LIMIT]


ROUGH = 20_000  # sentences nearest by the distance between signs, then estimated more closely
CANDIDATES = 2_000  # of which the closest have their exact cosine worked out
BEST_OF_FOUND = 50  # sentences found by their words whose cosine may still be the best
_BITS = np.unpackbits(np.arange(256, dtype=np.uint8)[:, None], axis=1).astype(np.float32)  # a byte's 8 bits
CODE_PAGE = 5_000  # sentences read at a time while the signs are worked out
_CODES: dict[str, tuple[np.ndarray, np.ndarray]] = {}
_CODES_LOCK = threading.Lock()


def _smallest(values: np.ndarray, n: int) -> np.ndarray:
    """Positions of the `n` smallest values (all if fewer), in no order."""
    return np.arange(len(values)) if n >= len(values) else np.argpartition(values, n - 1)[:n]


def _signs(vectors: np.ndarray) -> np.ndarray:
    """Each row's signs packed into 8 unsigned 64-bit words (512 bits)."""
    return np.packbits(vectors > 0, axis=1).view(np.uint64)


def _codes(index) -> tuple[np.ndarray, np.ndarray]:
    """The ids and sign codes of the index's sentences (codes: 8 rows of 64-bit words, a column per
    sentence), worked out once per index, a page at a time, from the vectors kept beside the store
    (computed when the sentences were analysed; a search never runs the encoder over the corpus):
    72 bytes a sentence."""
    with _CODES_LOCK:
        if index.key not in _CODES:
            cache = sentence_vectors(index.store)
            ids, codes, after = [], [], -1
            while True:
                rows = index.texts_after(after, CODE_PAGE)
                if not rows:
                    break
                ids.append(np.array([row[0] for row in rows], dtype=np.int64))
                codes.append(_signs(cache.vectors([row[1] for row in rows], most_new=0)))
                after = rows[-1][0]
            _CODES.clear()  # one index at a time: the app's current one
            _CODES[index.key] = (np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64),
                                 np.ascontiguousarray(np.concatenate(codes).T) if codes
                                 else np.zeros((8, 0), dtype=np.uint64))
        return _CODES[index.key]
