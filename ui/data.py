"""Cached loaders at the Streamlit edge: the corpus index, the country shapes and the base map."""

from __future__ import annotations

import hashlib
import os
import threading
import time
from pathlib import Path

import folium
import streamlit as st

from corpus.articles import article_stats
from corpus.build import load_index, update_store
from corpus.excerpts import CorpusIndex
from corpus.store import CorpusStore, StoreBusy
from corpus.figures import Figure, corpus_figures
from corpus.gazetteer import Place
from corpus.timeline import Event, corpus_events
from geo.atlas_map import LABEL_POINTS, MapLabels, MarkerSpec, base_map, check_static_files, selection_layer
from geo.countries import Shapes, load_shapes
from geo.theme_layers import Badge, Citation, Corridor, ThemeLayer, load_corridors
from geo.tiles import Tiles, TilesError, tiles_from_setting
from ui.state import View
from ui.strings import asked_language, format_date, source_label, summit_label, t

ROOT = Path(__file__).resolve().parent.parent
PROGRESS_FROM = 20  # files to read before a progress bar is worth showing


def seeds_dir() -> Path:
    return Path(os.environ.get("ATLAS_SEEDS_DIR", ROOT / "seeds"))


def tiles_setting() -> tuple[Tiles | None, str | None]:
    """The basemap the deployment asks for (DEPLOY.md): ATLAS_TILES, a provider name (default
    openstreetmap), a URL template with ATLAS_TILES_ATTRIBUTION, or none; ATLAS_TILES_KEY for a
    provider that needs one. With it, the key of the reason a value cannot be used (then no tiles)."""
    try:
        return tiles_from_setting(os.environ.get("ATLAS_TILES", "openstreetmap"),
                                  os.environ.get("ATLAS_TILES_ATTRIBUTION"), os.environ.get("ATLAS_TILES_KEY")), None
    except TilesError as error:
        return None, error.reason


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


def current_index() -> CorpusIndex:
    """The index of the corpus as it is now. While new or changed articles are read (the first
    start on a large corpus), a progress bar says how far it is; that happens outside the cached
    loader, whose elements Streamlit would replay on every later run."""
    folder = seeds_dir()
    signature = corpus_signature(folder)
    lang = asked_language(st.query_params.get("lang"))  # the view needs the index
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


def map_places(index: CorpusIndex) -> list[Place]:
    """Summit venues and capitals always; any other city only when an article names it."""
    named = index.mentioned_places()
    return [p for p in index.gazetteer.places.values() if p.summit or p.capital or p.slug in named]


def marker_spec(place: Place, index: CorpusIndex, lang: str, until: int | None = None) -> MarkerSpec:
    country = index.gazetteer.countries[place.country].name(lang)
    if place.summit:
        kind, detail = "summit", summit_label(place.summit, lang)
    elif place.capital:
        kind, detail = "capital", t(lang, "capital_of", country=country)
    else:
        kind, detail = "city", t(lang, "city_in", country=country)
    upcoming = bool(place.summit and until is not None and int(place.summit.dates[:4]) > until)
    if upcoming:
        detail = f"{detail} ({t(lang, 'upcoming')})"
    return MarkerSpec(place.slug, place.name(lang), place.lat, place.lon, kind, f"{place.name(lang)} — {detail}",
                      upcoming)


MAX_QUOTE = 200


def citations(index: CorpusIndex, sentences, lang: str, most: int = 2) -> tuple[Citation, ...]:
    """The first few distinct sentences, quoted (cut at MAX_QUOTE) with their article's citation."""
    result = []
    for sentence in sentences[:most]:  # each sentence once: a theme's tie lists it once
        article = index.corpus.articles[sentence.article_id]
        quote = sentence.text
        if len(quote) > MAX_QUOTE:  # cut at a word
            quote = quote[:MAX_QUOTE].rsplit(" ", 1)[0].rstrip(",;:") + "…"
        result.append(Citation(quote, f"{article.title} · {source_label(article, lang)} · "
                                      f"{format_date(article.published, lang)}", article.language))
    return tuple(result)


MAX_THEME_PLACES = 10


@st.cache_resource(show_spinner=False, max_entries=4, hash_funcs={CorpusIndex: lambda index: index.key})
def timeline_events(index: CorpusIndex) -> list[Event]:
    return corpus_events(index)


@st.cache_resource(show_spinner=False, max_entries=4, hash_funcs={CorpusIndex: lambda index: index.key})
def key_figures(index: CorpusIndex) -> list[Figure]:
    return corpus_figures(index)



@st.cache_resource(show_spinner=False, max_entries=64, hash_funcs={CorpusIndex: lambda index: index.key})
def theme_layers(index: CorpusIndex, lang: str, until: int | None = None) -> tuple[ThemeLayer, ...]:
    """One layer per theme: a badge on each country and summit venue the corpus ties it to, and on
    the MAX_THEME_PLACES places it cites most with it (every badge's quotes travel with the map on
    each rerun; the panel lists every place)."""
    layers = []
    for number, theme in enumerate(index.themes.values()):
        ties = index.theme_ties(theme.slug, until)
        badges = []
        for slug, sentences in sorted(ties.venues.items()):
            place = index.gazetteer.places[slug]
            heading = f"★ {place.name(lang)} — {summit_label(place.summit, lang)}" if place.summit else place.name(lang)
            badges.append(Badge(place.lat, place.lon, heading, citations(index, sentences, lang)))
        others = [(slug, sentences) for slug, sentences in ties.places.items() if slug not in ties.venues]
        most_cited = sorted(others, key=lambda item: (-len(item[1]), item[0]))[:MAX_THEME_PLACES]
        for slug, sentences in sorted(most_cited):
            place = index.gazetteer.places[slug]
            badges.append(Badge(place.lat, place.lon, place.name(lang), citations(index, sentences, lang)))
        for iso3, sentences in sorted(ties.countries.items()):
            lat, lon = LABEL_POINTS[iso3]
            badges.append(Badge(lat, lon, index.gazetteer.countries[iso3].name(lang), citations(index, sentences, lang)))
        layers.append(ThemeLayer(theme.slug, number, theme.label(lang), theme.code, theme.color, tuple(badges),
                                 tuple(sorted(ties.countries))))
    return tuple(layers)


@st.cache_resource(show_spinner=False)
def corridors(lang: str) -> tuple[Corridor, ...]:
    return tuple(load_corridors(lang))


def atlas_base_map(index: CorpusIndex, lang: str, tiles: Tiles | None, until: int | None = None) -> folium.Map:
    """Built anew on each run (folium objects change when rendered, so one cannot be shared),
    with ids that depend only on content, so the browser keeps the same map across reruns."""
    countries = index.gazetteer.countries
    labels = MapLabels(
        countries=t(lang, "countries_layer"), summits=t(lang, "summits_layer"), capitals=t(lang, "capitals_layer"),
        cities=t(lang, "cities_layer"), legend_title=t(lang, "legend"),
        country_tooltips={iso3: c.name(lang) for iso3, c in countries.items()},
        approximate=t(lang, "approximate"), upcoming=t(lang, "legend_upcoming"),
        zoom_in=t(lang, "zoom_in"), zoom_out=t(lang, "zoom_out"), layers=t(lang, "layers_control"),
        close=t(lang, "close_popup"),
    )
    markers = [marker_spec(p, index, lang, until) for p in map_places(index)]
    return base_map(country_shapes(), markers, labels, tiles, themes=theme_layers(index, lang, until),
                    corridors=corridors(lang), until=until)


def atlas_selection(index: CorpusIndex, view: View) -> folium.FeatureGroup:
    """What the view selects, to draw over the base map: its country, place and theme."""
    selected = index.gazetteer.places.get(view.place or "")
    theme = next((layer for layer in theme_layers(index, view.lang, view.until) if layer.slug == view.theme), None)
    return selection_layer(
        country_shapes(), country=view.country,
        marker=marker_spec(selected, index, view.lang, view.until) if selected else None, theme=theme,
        corridors=corridors(view.lang), approximate=t(view.lang, "approximate"), until=view.until,
    )
