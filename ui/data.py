"""Cached loaders at the Streamlit edge: the corpus index, the country shapes and the base map."""

from __future__ import annotations

import os
from pathlib import Path

import folium
import streamlit as st

from corpus.articles import article_files
from corpus.excerpts import CorpusIndex, build_index
from corpus.gazetteer import Place
from geo.atlas_map import LABEL_POINTS, MapLabels, MarkerSpec, base_map
from geo.countries import Shapes, load_shapes
from geo.theme_layers import Badge, Citation, Corridor, ThemeLayer, load_corridors
from ui.strings import format_date, source_label, summit_label, t

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
    unique = list({(s.article_id, s.number): s for s in sentences}.values())[:most]
    result = []
    for sentence in unique:
        article = index.corpus.articles[sentence.article_id]
        quote = sentence.text
        if len(quote) > MAX_QUOTE:  # cut at a word
            quote = quote[:MAX_QUOTE].rsplit(" ", 1)[0].rstrip(",;:") + "…"
        result.append(Citation(quote, f"{article.title} · {source_label(article, lang)} · "
                                      f"{format_date(article.published, lang)}", article.language))
    return tuple(result)


@st.cache_resource(show_spinner=False, max_entries=64, hash_funcs={CorpusIndex: id})
def theme_layers(index: CorpusIndex, lang: str, until: int | None = None) -> tuple[ThemeLayer, ...]:
    """One layer per theme: a badge on each country, summit venue and place the corpus ties it to."""
    layers = []
    for number, theme in enumerate(index.themes.values()):
        ties = index.theme_ties(theme.slug, until)
        badges = []
        for slug, sentences in sorted(ties.venues.items()):
            place = index.gazetteer.places[slug]
            heading = f"★ {place.name(lang)} — {summit_label(place.summit, lang)}" if place.summit else place.name(lang)
            badges.append(Badge(place.lat, place.lon, heading, citations(index, sentences, lang)))
        for slug, sentences in sorted(ties.places.items()):
            if slug not in ties.venues:
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


def atlas_base_map(index: CorpusIndex, lang: str, tiles: str | None, until: int | None = None) -> folium.Map:
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
