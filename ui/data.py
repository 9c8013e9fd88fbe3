"""Cached loaders at the Streamlit edge: the corpus index, the country shapes and the base map."""

from __future__ import annotations

import os
from pathlib import Path

import folium
import streamlit as st

from corpus.articles import article_files
from corpus.excerpts import CorpusIndex, build_index
from corpus.gazetteer import Place
from geo.atlas_map import MapLabels, MarkerSpec, base_map
from geo.countries import Shapes, load_shapes
from ui.strings import t

ROOT = Path(__file__).resolve().parent.parent


def seeds_dir() -> Path:
    return Path(os.environ.get("ATLAS_SEEDS_DIR", ROOT / "seeds"))


def tiles_setting() -> str | None:
    """ATLAS_TILES=openstreetmap (default) or none: pick what the deployment's readers can reach."""
    value = os.environ.get("ATLAS_TILES", "openstreetmap").strip().lower()
    return None if value in ("", "none", "off") else value


def corpus_signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Changes whenever an article file is added, removed or edited: the cache key of the index."""
    signature = []
    for path in article_files(folder):
        try:
            stat = path.stat()
        except OSError:
            continue
        signature.append((path.name, stat.st_mtime_ns, stat.st_size))
    return tuple(signature)


@st.cache_resource(show_spinner=False, max_entries=4)
def corpus_index(folder: str, signature: tuple) -> CorpusIndex:
    return build_index(Path(folder))


def current_index() -> CorpusIndex:
    folder = seeds_dir()
    return corpus_index(str(folder), corpus_signature(folder))


@st.cache_resource(show_spinner=False)
def country_shapes() -> Shapes:
    return load_shapes()


def map_places(index: CorpusIndex) -> list[Place]:
    """Summit venues and capitals always; any other city only when an article names it."""
    named = index.mentioned_places()
    return [p for p in index.gazetteer.places.values() if p.summit or p.capital or p.slug in named]


def marker_spec(place: Place, index: CorpusIndex, lang: str) -> MarkerSpec:
    country = index.gazetteer.countries[place.country].name(lang)
    if place.summit:
        kind, detail = "summit", place.summit.label(lang)
    elif place.capital:
        kind, detail = "capital", t(lang, "capital_of", country=country)
    else:
        kind, detail = "city", t(lang, "city_in", country=country)
    return MarkerSpec(place.slug, place.name(lang), place.lat, place.lon, kind, f"{place.name(lang)} — {detail}")


def atlas_base_map(index: CorpusIndex, lang: str, tiles: str | None) -> folium.Map:
    """Built anew on each run (folium objects change when rendered, so one cannot be shared),
    with ids that depend only on content, so the browser keeps the same map across reruns."""
    countries = index.gazetteer.countries
    labels = MapLabels(
        countries=t(lang, "countries_layer"), summits=t(lang, "summits_layer"), capitals=t(lang, "capitals_layer"),
        cities=t(lang, "cities_layer"), legend_title=t(lang, "legend"),
        country_tooltips={iso3: c.name(lang) for iso3, c in countries.items()},
    )
    markers = [marker_spec(p, index, lang) for p in map_places(index)]
    return base_map(country_shapes(), markers, labels, tiles)
