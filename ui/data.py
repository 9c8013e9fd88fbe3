"""Cached loaders at the Streamlit edge: the corpus index (kept up to date with the folder), the
country shapes, the map's layers and what the pages work out once per index."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import folium
import streamlit as st

from corpus.articles import article_stats, stats_signature
from corpus.build import load_index, update_store
from corpus.excerpts import CorpusIndex
from corpus.store import CorpusStore, StoreBusy
from corpus.figures import Figure, corpus_figures
from geo.assets import check_static_files
from geo.countries import Shapes, load_shapes
from geo.corridors import Corridor, load_corridors
from geo.model import ThemeLayer
from geo.tiles import Tiles
from present import map_model
from present.settings import seeds_dir
from present.strings import t
from present.view import View
from ui import guard  # installed on import: a client cannot empty these caches

PROGRESS_FROM = 20  # files to read before a progress bar is worth showing
LARGE_CORPUS = 1_000  # files; a larger folder is fully re-scanned at most once per SCAN_EVERY
# seconds: listing 100,000 files is 3 s, which every click paid (BENCHMARKS.md); a file added or
# removed changes the folder's time and is seen at once, an edit in place within this long
SCAN_EVERY = 30.0


@st.cache_resource(show_spinner=False)
def _last_scans() -> dict[str, tuple[int, float, str, int]]:
    return {}  # folder → (its mtime, when scanned, signature, files)


def corpus_signature(folder: Path) -> str:
    """Changes whenever an article file is added, removed or edited: the cache key of the index.
    Every file is looked at on every run, except in a large corpus, where an added or removed file
    is seen at once (it changes the folder's time) and an edit within SCAN_EVERY."""
    try:
        folder_time = folder.stat().st_mtime_ns
    except OSError:
        folder_time = -1
    last = _last_scans().get(str(folder))
    now = time.monotonic()
    if last and last[0] == folder_time and last[3] > LARGE_CORPUS and now - last[1] < SCAN_EVERY:
        return last[2]
    stats = article_stats(folder)
    signature = stats_signature(stats)
    _last_scans()[str(folder)] = (folder_time, now, signature, len(stats))
    return signature


@st.cache_resource(show_spinner=False, max_entries=4)
def corpus_index(folder: str, signature: str) -> CorpusIndex:
    """The index for that state of the folder; `current_index` has brought its store up to date."""
    return load_index(CorpusStore(Path(folder)))


# Reading the articles folder: when it last moved on (a file read, or the start), by folder. Module
# state, not a cache: the health check reads it from the server's own thread.
_reading: dict[str, float] = {}


def stalled_after() -> float:
    """Seconds without progress reading the articles before health says the pages cannot be served."""
    try:
        return max(1.0, float(os.environ.get("ATLAS_STALLED_AFTER", "60")))
    except ValueError:
        return 60.0


def reading_stalled() -> str | None:
    """What the health check says while a read of the articles has made no progress for too long
    (a file that never answers, another process holding the index's write lock)."""
    now, limit = time.monotonic(), stalled_after()
    stuck = [folder for folder, moved in list(_reading.items()) if now - moved > limit]
    return f"reading the articles in {stuck[0]} has made no progress for over {limit:g} s" if stuck else None


guard.health_checks["articles"] = reading_stalled


@st.cache_resource(show_spinner=False)
def _stores_updated() -> dict[str, str]:
    return {}  # folder → the signature its store was last brought up to date for


@st.cache_resource(show_spinner=False)
def _store_lock(folder: str) -> threading.Lock:
    return threading.Lock()  # one reader of new files per folder and process; the others wait for it


def current_index(lang: str) -> CorpusIndex:
    """The index of the corpus as it is now. While new or changed articles are read (the first
    start on a large corpus), a progress bar says how far it is; that happens outside the cached
    loader, whose elements Streamlit would replay on every later run."""
    folder = seeds_dir()
    signature = corpus_signature(folder)
    slot = st.empty()  # on every run, so that the elements after it keep their place (no map remount)
    if _stores_updated().get(str(folder)) != signature:

        def progress(done: int, total: int) -> None:
            _reading[str(folder)] = time.monotonic()
            if total >= PROGRESS_FROM and (done == total or done % max(1, total // 100) == 0):
                slot.progress(done / total, text=t(lang, "indexing", done=done, total=total))

        with _store_lock(str(folder)):
            if _stores_updated().get(str(folder)) != signature:  # not done meanwhile by another session
                _reading[str(folder)] = time.monotonic()
                try:
                    update_store(folder, progress).close()
                except StoreBusy:
                    slot.empty()
                    st.info(t(lang, "index_busy"), icon=":material/hourglass_top:")
                    st.stop()
                finally:
                    _reading.pop(str(folder), None)
                _stores_updated()[str(folder)] = signature
        slot.empty()
    with st.spinner(t(lang, "loading_index")):  # shown only if it takes over half a second
        return corpus_index(str(folder), signature)


@st.cache_resource(show_spinner=False)
def country_shapes() -> Shapes:
    check_static_files()
    return load_shapes()


@st.cache_resource(show_spinner=False, max_entries=4, hash_funcs={CorpusIndex: lambda index: index.key})
def key_figures(index: CorpusIndex) -> list[Figure]:
    return corpus_figures(index)



@st.cache_resource(show_spinner=False, max_entries=64, hash_funcs={CorpusIndex: lambda index: index.key})
def theme_layers(index: CorpusIndex, lang: str, until: int | None = None) -> tuple[ThemeLayer, ...]:
    return map_model.theme_layers(index, lang, until)


@st.cache_resource(show_spinner=False)
def corridors(lang: str) -> tuple[Corridor, ...]:
    return tuple(load_corridors(lang))


def atlas_base_map(index: CorpusIndex, lang: str, tiles: Tiles | None, until: int | None = None) -> folium.Map:
    """The base map from the cached shapes and layers (`present.map_model.atlas_map`)."""
    return map_model.atlas_map(index, country_shapes(), theme_layers(index, lang, until), corridors(lang),
                               lang, tiles, until)


def atlas_selection(index: CorpusIndex, view: View) -> folium.FeatureGroup:
    """What the view selects, over the base map (`present.map_model.atlas_selection`)."""
    return map_model.atlas_selection(index, view, country_shapes(), theme_layers(index, view.lang, view.until),
                                     corridors(view.lang))
