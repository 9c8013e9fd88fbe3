"""Build the corpus index: article files → analysis (`corpus.analysis`) → the store on disk
(`corpus.store`); then open it for querying (`corpus.excerpts.CorpusIndex`)."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
from pathlib import Path

from corpus.analysis import AnalysedArticle, Analyser
from corpus.articles import Article
from corpus.excerpts import CorpusIndex
from corpus.gazetteer import load_gazetteer
from corpus.meaning import VectorCache, sentence_vectors, vectors_path
from corpus.chronology import keep_timeline
from corpus.store import CorpusStore, Progress, StoreBusy
from corpus.text import fold, searchable
from corpus.themes import load_themes


def analyser(vectors: VectorCache | None = None) -> Analyser:
    return Analyser(load_gazetteer(), load_themes(), vectors)


PARALLEL_FROM = 200  # articles in a batch worth starting worker processes for (each builds its analyser)
_WORKER: list[Analyser] = []  # a worker process's analyser


def _start_worker(vectors: Path | None) -> None:
    _WORKER.append(analyser(VectorCache(vectors) if vectors else None))


def _analyse_in_worker(article: Article) -> AnalysedArticle:
    return _WORKER[0].article(article)


class Analysis:
    """Analyses a batch of articles: in this process for a few (a restart reads none, and makes no
    analyser), in one worker process per core for many (the analysis is most of a first build)."""

    def __init__(self, store: CorpusStore | None = None):
        self._store = store  # whose sentence vectors are kept beside it
        self._analyser: Analyser | None = None
        self._pool = None

    def __call__(self, _, articles: list[Article]):
        if len(articles) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
            if self._pool is None:  # spawned, not forked: the caller may be a threaded server
                path = vectors_path(self._store) if self._store else None
                self._pool = multiprocessing.get_context("spawn").Pool(os.cpu_count(), initializer=_start_worker,
                                                                       initargs=(path,))
            return self._pool.imap(_analyse_in_worker, articles, chunksize=8)
        if self._analyser is None:
            self._analyser = analyser(sentence_vectors(self._store) if self._store else None)
        return map(self._analyser.article, articles)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool = None


def update_store(folder, progress: Progress | None = None) -> CorpusStore:
    """Bring the folder's store up to date: read the articles added or changed since it was last
    brought up to date, forget those removed. `progress(done, total)` is called as files are read;
    an interrupted update keeps what it had committed and goes on from there next time."""
    store = CorpusStore(Path(folder))
    analysis = Analysis(store)
    try:
        store.update(_analyse_in_worker, lambda text: searchable(fold(text).text), progress, mapper=analysis)
    finally:
        analysis.close()
    return store


def analyse(article: Article, analysing: Analyser | None = None) -> AnalysedArticle:
    """One article's analysis, as the store keeps it."""
    return (analysing or analyser()).article(article)


def build_index(folder, progress: Progress | None = None) -> CorpusIndex:
    """The index of every readable article in `folder`, with the atlas's gazetteer and themes.
    Articles already in the folder's store are not read again."""
    return load_index(update_store(folder, progress))


def load_index(store: CorpusStore) -> CorpusIndex:
    """The index as the store holds it (brought up to date by `update_store`). What is worked out
    from all its rows is kept in the store for the next start, unless it is already (the
    timeline's groups: seconds at 100,000 articles, once per state of the store)."""
    index = CorpusIndex(store, load_gazetteer(), load_themes())
    try:
        keep_timeline(index)
    except (StoreBusy, sqlite3.OperationalError):
        pass  # another process is writing (it keeps them when done), or the store is read-only: worked out when asked
    return index
