"""Search across languages: what `CorpusIndex.search` finds besides the words as typed.

- Names through the gazetteer: a query word or phrase that is a place's or a country's spelling
  (`Kyrgyzstan`, `Xian`, `Pekin`) also finds the sentences that name it in any spelling
  (`Kirghizistan`, `Xi’an`, `Pékin`), as the recogniser found them.
- Words through a small bilingual lexicon (data/search_lexicon.yaml, read both ways): `pipeline`
  also finds `gazoduc`, `treaty` finds `traité`.
- Meaning through the sentence encoder (corpus.meaning): a query of a few words also finds the
  sentences closest to it in meaning, in every language, above `MEANING_FLOOR`; those are marked.
  A query the encoder cannot take (no letters, too long, control characters) gets words alone.

Plain Python over the store's public `matching` and the index's mentions, so that the index and
the store can change shape without this module knowing.
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


def matching_across_languages(index, words: list[str]) -> tuple[set[int], list[str]]:
    """Ids of the sentences holding every query word, each word (or phrase) standing for its
    spellings and translations; and the words to highlight."""
    known, table = names(index.gazetteer), lexicon()
    groups: list[set[int]] = []
    marks: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(MAX_PHRASE, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n])
            if phrase in known or phrase in table or n == 1:
                break
        found = _matching(index, words[i:i + n])
        if phrase in known:
            kind, key = known[phrase]
            found |= {s.id for s in index.mentioning(kind, key)}
        for other in table.get(phrase, ()):
            found |= _matching(index, other.split())
            marks += [term for w in other.split() for term in _as_searched(w)]
        marks += [term for w in words[i:i + n] for term in _as_searched(w)]
        groups.append(found)
        i += n
    ids = set.intersection(*groups) if groups else set()
    return ids, list(dict.fromkeys(marks))


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


def _matching(index, words: list[str]) -> set[int]:
    """The store's sentences holding every word, each as the full-text index holds it."""
    return set(index.store.matching([term for w in words for term in _as_searched(w)]))


def by_meaning(index, query: str, words: list[str], exclude: set[int]) -> list[tuple[int, float]]:
    """(sentence id, cosine) of the sentences closest in meaning to `query`, best first, above the floor."""
    if len(words) < MEANING_WORDS or len(query) > MAX_QUERY or not embeddable(query):
        return []
    ids, matrix = _matrix(index)
    if not len(ids):
        return []
    scores = matrix @ encode([query])[0].astype(np.float16)
    order = np.argsort(-scores)[:MEANING_LIMIT + len(exclude)]
    best = float(scores[order[0]])
    found = [(int(ids[i]), float(scores[i])) for i in order
             if scores[i] >= MEANING_FLOOR and scores[i] >= best - MEANING_BAND]
    return [(sid, score) for sid, score in found if sid not in exclude][:MEANING_LIMIT]


_MATRICES: dict[str, tuple[np.ndarray, np.ndarray]] = {}
_MATRIX_LOCK = threading.Lock()


def _matrix(index) -> tuple[np.ndarray, np.ndarray]:
    """The ids and vectors (float16) of the index's sentences, worked out once per index from the
    vectors kept beside the store (computed when the sentences were analysed)."""
    with _MATRIX_LOCK:
        if index.key not in _MATRICES:
            ids, texts = [], []
            for sentence in index.sentences:
                ids.append(sentence.id)
                texts.append(sentence.text)
            # only the vectors the analysis made: a search never runs the encoder over the corpus
            vectors = sentence_vectors(index.store).vectors(texts, most_new=0)
            _MATRICES.clear()  # one index at a time: the app's current one
            _MATRICES[index.key] = (np.array(ids, dtype=np.int64), vectors.astype(np.float16))
        return _MATRICES[index.key]
