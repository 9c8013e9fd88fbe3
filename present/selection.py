"""What a view selects, in excerpts and in words: the panel, the table view, the exports and the
data routes all read the selection from here."""

from __future__ import annotations

from dataclasses import dataclass

from corpus.excerpts import CorpusIndex, Excerpts
from present.markup import inert
from present.strings import format_coordinates, summit_label, t
from present.view import View


def selection_excerpts(view: View, index: CorpusIndex) -> Excerpts | None:
    """Excerpts for the view: its place or country (narrowed to its theme), else its theme; then `q`.
    None when nothing is selected or searched."""
    if view.place:
        excerpts = index.excerpts_for_place(view.place)
    elif view.country:
        excerpts = index.excerpts_for_country(view.country)
    elif view.theme:
        excerpts = index.excerpts_for_theme(view.theme)
    elif view.q:
        excerpts = index.search(view.q)
    else:
        return None
    if view.theme_narrows:
        about_theme = {s.id for s in index.mentioning("theme", view.theme)}
        excerpts = excerpts.where(lambda s: s.id in about_theme)
    if view.until is not None:  # the map is as of that year: so are its excerpts
        excerpts = excerpts.where(lambda s: index.published_by(s, view.until))
    return index.search(view.q, within=excerpts) if view.search_narrows else excerpts


def selection_name(view: View, index: CorpusIndex) -> str:
    """What the view shows, in words: "★ Astana · Smooth trade · search “gas” · as of 2024". Plain
    text (escape it where it is shown)."""
    lang, gazetteer = view.lang, index.gazetteer
    parts = []
    if view.place:
        place = gazetteer.places[view.place]
        parts.append(("★ " if place.summit else "") + place.name(lang))
    if view.country:
        parts.append(gazetteer.countries[view.country].name(lang))
    if view.theme:
        parts.append(index.themes[view.theme].label(lang))
    if view.q:
        parts.append(t(lang, "export_search", q=view.q))
    if not view.selects:
        parts.append(t(lang, "export_whole_map"))
    if view.until is not None:
        parts.append(t(lang, "export_as_of", year=view.until))
    return " · ".join(parts)


@dataclass(frozen=True)
class Heading:
    """The top of the panel: the selection's name, its key facts (Markdown lines, inert) and notes."""
    title: str  # Markdown: anything from the reader or an article in it is inert
    facts: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # captions under the facts, Markdown and HTML, inert likewise


def mention_line(index: CorpusIndex, kind: str, key: str, lang: str, until: int | None) -> str:
    sentences = index.mentioning(kind, key, until)
    return t(lang, "mentions", sentences=len(sentences), articles=len({s.article_id for s in sentences}))


def heading(view: View, index: CorpusIndex) -> Heading | None:
    """The panel's heading for what the view selects; None for the overview."""
    lang, gazetteer = view.lang, index.gazetteer
    notes = []
    if view.until is not None:
        notes.append(t(lang, "as_of", year=view.until))
    if view.theme_narrows:
        notes.append(t(lang, "theme_filtered", theme=index.themes[view.theme].label(lang)))
    if view.search_narrows:
        notes.append(t(lang, "search_filtered", q=inert(view.q or "")))
    if view.place:
        place = gazetteer.places[view.place]
        country = gazetteer.countries[place.country].name(lang)
        facts = [t(lang, "capital_of" if place.capital else "city_in", country=country),
                 t(lang, "field", label=t(lang, "coordinates"), value=format_coordinates(place.lat, place.lon, lang))]
        if place.summit:
            facts.insert(0, f"**{summit_label(place.summit, lang)}** — {place.summit.facts(lang)}")
        facts.append(mention_line(index, "place", place.slug, lang, view.until))
        return Heading(("★ " if place.summit else "") + place.name(lang), tuple(facts), tuple(notes))
    if view.country:
        country = gazetteer.countries[view.country]
        capital = gazetteer.places[country.capital]
        facts = [t(lang, "field", label=t(lang, "capital"), value=capital.name(lang)),
                 t(lang, "field", label=t(lang, "iso"), value=country.iso3)]
        facts += [t(lang, "field", label=t(lang, "summit_venue"), value=f"★ {p.name(lang)} — {summit_label(p.summit, lang)}")
                  for p in gazetteer.places.values() if p.summit and p.country == country.iso3]
        facts.append(mention_line(index, "country", country.iso3, lang, view.until))
        region = (t(lang, "region_note"),) if country.iso3 != "CHN" else ()
        return Heading(country.name(lang), tuple(facts), region + tuple(notes))
    if view.theme:
        theme = index.themes[view.theme]
        facts = (t(lang, "theme_key_facts", n=len(index.mentioning("theme", theme.slug, view.until))),)
        return Heading(theme.label(lang), facts, (t(lang, "theme_on_map"), *notes))
    if view.q:
        return Heading(t(lang, "search_results", q=inert(view.q)), (), tuple(notes))
    return None


@dataclass(frozen=True)
class Fallback:
    """What a narrowed selection that found nothing offers instead."""
    unfiltered: int  # excerpts of the selection without its theme and search
    theme_excerpts: int | None  # the theme's own excerpts, when a theme narrowed it


def fallback(view: View, index: CorpusIndex, excerpts: Excerpts) -> Fallback | None:
    """A place or country narrowed to a theme or a search that leaves nothing: how many excerpts the
    selection has without them (None when that is nothing too, or nothing was narrowed)."""
    if excerpts or not view.on_map or not (view.theme or view.q):
        return None
    unfiltered = selection_excerpts(view.without_filters(), index) or []
    if not unfiltered:
        return None
    theme = selection_excerpts(view.theme_alone(), index) if view.theme else None
    return Fallback(len(unfiltered), len(theme or []) if view.theme else None)


def corpus_languages(index: CorpusIndex) -> list[str]:
    """The languages the articles are in (a search finds words in their own language)."""
    return sorted({a.language for a in index.corpus.articles.values()})
