"""Cached loaders at the Streamlit edge: the corpus index (kept up to date with the folder), the
country shapes, the map's layers and what the pages work out once per index."""

from __future__ import annotations

import hashlib
import threading
import time
from pathlib import Path

import folium
import streamlit as st

from corpus.articles import article_stats
from corpus.excerpts import CorpusIndex, load_index, update_store
from corpus.store import CorpusStore, StoreBusy
from corpus.figures import Figure, corpus_figures
from corpus.timeline import Event, corpus_events
from geo.atlas_map import check_static_files
from geo.countries import Shapes, load_shapes
from geo.theme_layers import Corridor, ThemeLayer, load_corridors
from geo.tiles import Tiles
from present import map_model
from present.settings import seeds_dir
from present.strings import t
from present.view import View

PROGRESS_FROM = 20  # files to read before a progress bar is worth showing
LARGE_CORPUS = 1_000  # files; a larger folder is fully re-scanned at most once per SCAN_EVERY
SCAN_EVERY = 1.0  # seconds


@st.cache_resource(show_spinner=False)
def _last_scans() -> dict[str, tuple[int, float, str, int]]:
    return {}  # folder → (its mtime, when scanned, signature, files)


def corpus_signature(folder: Path) -> str:
    """Changes whenever an article file is added, removed or edited: the cache key of the index.
    Every file is looked at on every run, except in a large corpus, where an added or removed file
    is seen at once (it changes the folder's time) and an edit within a second."""
    try:
        folder_time = folder.stat().st_mtime_ns
    except OSError:
        folder_time = -1
    last = _last_scans().get(str(folder))
    now = time.monotonic()
    if last and last[0] == folder_time and last[3] > LARGE_CORPUS and now - last[1] < SCAN_EVERY:
        return last[2]
    stats = article_stats(folder)
    digest = hashlib.sha1("".join(f"{name}\0{mtime}\0{size}\n" for name, (_, (mtime, size)) in stats.items()).encode())
    files = len(stats)
    _last_scans()[str(folder)] = (folder_time, now, digest.hexdigest(), files)
    return digest.hexdigest()


@st.cache_resource(show_spinner=False, max_entries=4)
def corpus_index(folder: str, signature: str) -> CorpusIndex:
    """The index for that state of the folder; `current_index` has brought its store up to date."""
    return load_index(CorpusStore(Path(folder)))


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
            if total >= PROGRESS_FROM and (done == total or done % max(1, total // 100) == 0):
                slot.progress(done / total, text=t(lang, "indexing", done=done, total=total))

        with _store_lock(str(folder)):
            if _stores_updated().get(str(folder)) != signature:  # not done meanwhile by another session
                try:
                    update_store(folder, progress).close()
                except StoreBusy:
                    slot.empty()
                    st.info(t(lang, "index_busy"), icon=":material/hourglass_top:")
                    st.stop()
                _stores_updated()[str(folder)] = signature
        slot.empty()
    with st.spinner(t(lang, "loading_index")):  # shown only if it takes over half a second
        return corpus_index(str(folder), signature)


@st.cache_resource(show_spinner=False)
def country_shapes() -> Shapes:
    check_static_files()
    return load_shapes()


@st.cache_resource(show_spinner=False, max_entries=4, hash_funcs={CorpusIndex: lambda index: index.key})
def timeline_events(index: CorpusIndex) -> list[Event]:
    return corpus_events(index)


@st.cache_resource(show_spinner=False, max_entries=4, hash_funcs={CorpusIndex: lambda index: index.key})
def key_figures(index: CorpusIndex) -> list[Figure]:
    return corpus_figures(index)


@st.cache_resource(show_spinner=False, max_entries=16, hash_funcs={CorpusIndex: lambda index: index.key})
def theme_country_counts(index: CorpusIndex, until: int | None) -> dict[tuple[str, str], int]:
    return index.theme_country_counts(until)


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
