"""Build the corpus index: article files → analysis (`corpus.analysis`) → the store on disk
(`corpus.store`); then open it for querying (`corpus.excerpts.CorpusIndex`)."""

from __future__ import annotations

from pathlib import Path

from corpus.analysis import AnalysedArticle, Analyser
from corpus.articles import Article
from corpus.excerpts import CorpusIndex
from corpus.gazetteer import load_gazetteer
from corpus.store import CorpusStore, Progress
from corpus.text import fold
from corpus.themes import load_themes


def analyser() -> Analyser:
    return Analyser(load_gazetteer(), load_themes())


def update_store(folder, progress: Progress | None = None) -> CorpusStore:
    """Bring the folder's store up to date: read the articles added or changed since it was last
    brought up to date, forget those removed. `progress(done, total)` is called as files are read;
    an interrupted update keeps what it had committed and goes on from there next time."""
    analysers: list[Analyser] = []  # made only if a file is to be read: a restart reads none

    def analyse(article: Article) -> AnalysedArticle:
        if not analysers:
            analysers.append(analyser())
        return analysers[0].article(article)

    store = CorpusStore(Path(folder))
    store.update(analyse, lambda text: fold(text).text, progress)
    return store


def analyse(article: Article, analysing: Analyser | None = None) -> AnalysedArticle:
    """One article's analysis, as the store keeps it."""
    return (analysing or analyser()).article(article)


def build_index(folder, progress: Progress | None = None) -> CorpusIndex:
    """The index of every readable article in `folder`, with the atlas's gazetteer and themes.
    Articles already in the folder's store are not read again."""
    return load_index(update_store(folder, progress))


def load_index(store: CorpusStore) -> CorpusIndex:
    """The index as the store holds it (brought up to date by `update_store`)."""
    return CorpusIndex(store, load_gazetteer(), load_themes())
