"""The corpus as the map draws it: which places get a marker, what each marker and theme badge
says, and the folium map and selection layer built from them. Plain Python; the Streamlit edge
(ui/data.py) caches the results."""

from __future__ import annotations

import folium

from corpus.excerpts import CorpusIndex
from corpus.gazetteer import Place
from geo.atlas_map import LABEL_POINTS, MapLabels, MarkerSpec, base_map, selection_layer
from geo.countries import Shapes
from geo.theme_layers import Badge, Citation, Corridor, ThemeLayer
from geo.tiles import Tiles
from present.strings import format_date, source_label, summit_label, t
from present.view import View

MAX_QUOTE = 200  # characters of a sentence quoted in a badge's popup
MAX_THEME_PLACES = 10  # places badged per theme besides the countries and venues


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


def map_labels(index: CorpusIndex, lang: str) -> MapLabels:
    """The map's own words in the reader's language."""
    return MapLabels(
        countries=t(lang, "countries_layer"), summits=t(lang, "summits_layer"), capitals=t(lang, "capitals_layer"),
        cities=t(lang, "cities_layer"), legend_title=t(lang, "legend"),
        country_tooltips={iso3: c.name(lang) for iso3, c in index.gazetteer.countries.items()},
        approximate=t(lang, "approximate"), upcoming=t(lang, "legend_upcoming"),
        zoom_in=t(lang, "zoom_in"), zoom_out=t(lang, "zoom_out"), layers=t(lang, "layers_control"),
        close=t(lang, "close_popup"),
    )


def atlas_map(index: CorpusIndex, shapes: Shapes, layers: tuple[ThemeLayer, ...], corridors: tuple[Corridor, ...],
              lang: str, tiles: Tiles | None, until: int | None = None) -> folium.Map:
    """The base map: countries, markers, theme layers and corridors. Built anew each time (folium
    objects change when rendered), with ids that depend only on content, so the browser keeps the
    same map across reruns."""
    markers = [marker_spec(p, index, lang, until) for p in map_places(index)]
    return base_map(shapes, markers, map_labels(index, lang), tiles, themes=layers, corridors=corridors, until=until)


def atlas_selection(index: CorpusIndex, view: View, shapes: Shapes, layers: tuple[ThemeLayer, ...],
                    corridors: tuple[Corridor, ...]) -> folium.FeatureGroup:
    """What the view selects, to draw over the base map: its country, place and theme."""
    selected = index.gazetteer.places.get(view.place or "")
    theme = next((layer for layer in layers if layer.slug == view.theme), None)
    return selection_layer(
        shapes, country=view.country,
        marker=marker_spec(selected, index, view.lang, view.until) if selected else None, theme=theme,
        corridors=corridors, approximate=t(view.lang, "approximate"), until=view.until,
    )
