"""The view lives in the URL: parse and validate the link parameters, say what a view selects,
and write a selection back. Plain Python: the query parameters come in as a mapping."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Mapping

from corpus.excerpts import CorpusIndex
from present.strings import DEFAULT_LANGUAGE, LANGUAGES

PARAMS = ("country", "place", "theme", "article", "sentence", "q", "lang", "until")
FIRST_YEAR = 1992  # diplomatic relations between China and the five
MAX_QUERY = 200


@dataclass(frozen=True)
class View:
    country: str | None = None
    place: str | None = None
    theme: str | None = None
    article: str | None = None
    sentence: int | None = None  # a sentence of `article`, counted from 1; only with an article
    q: str | None = None
    lang: str = DEFAULT_LANGUAGE
    until: int | None = None  # the year the map shows; None: today

    def __post_init__(self) -> None:
        if self.article is None and self.sentence is not None:  # closing the article forgets its sentence
            object.__setattr__(self, "sentence", None)

    # What the view selects, said once (the panel, the exports, the tables and the page all ask).
    @property
    def on_map(self) -> bool:
        """A place or a country is selected."""
        return bool(self.place or self.country)

    @property
    def selects(self) -> bool:
        """Anything to list excerpts of: a place, a country, a theme or a search."""
        return bool(self.on_map or self.theme or self.q)

    @property
    def theme_narrows(self) -> bool:
        """The theme narrows a place's or a country's excerpts (rather than being the selection)."""
        return bool(self.theme and self.on_map)

    @property
    def search_narrows(self) -> bool:
        """The search narrows a selection (rather than being the selection)."""
        return bool(self.q and (self.on_map or self.theme))

    @property
    def theme_only(self) -> bool:
        """The theme alone is the selection: its excerpts are grouped by country."""
        return bool(self.theme and not (self.on_map or self.q))

    @property
    def changed(self) -> bool:
        """Anything the reader can clear back to the default view."""
        return bool(self.selects or self.article)

    def without_filters(self) -> "View":
        """The selection without its theme and search."""
        return replace(self, theme=None, q=None)

    def theme_alone(self) -> "View":
        """The view's theme as the selection, without its place, country or search."""
        return replace(self, place=None, country=None, q=None)

    def as_params(self) -> dict[str, str]:
        return {name: str(value) for name in PARAMS if (value := getattr(self, name)) and
                not (name == "lang" and value == DEFAULT_LANGUAGE)}

    def selecting_country(self, iso3: str) -> "View":
        return replace(self, country=iso3, place=None, article=None)

    def selecting_place(self, slug: str) -> "View":
        return replace(self, place=slug, country=None, article=None)


@dataclass(frozen=True)
class Rejected:
    param: str
    value: str
    hint: str  # key of a UI string


def _first(params: Mapping[str, object], name: str) -> str | None:
    """A repeated parameter (?place=a&place=b) counts as its first value."""
    value = params.get(name)
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    return None if value is None else str(value).strip()


def view_from_params(params: Mapping[str, object], index: CorpusIndex) -> tuple[View, list[Rejected]]:
    """The view a link asks for; each unknown value is dropped and reported, never raised."""
    rejected: list[Rejected] = []
    values: dict[str, object] = {}

    def accept(name: str, raw: str | None, normalised: object, valid: bool, hint: str) -> None:
        if not raw:
            return
        if valid:
            values[name] = normalised
        else:
            rejected.append(Rejected(name, raw if len(raw) <= 60 else raw[:59] + "…", hint))

    raw = _first(params, "lang")
    accept("lang", raw, (raw or "").lower(), (raw or "").lower() in LANGUAGES, "hint_lang")
    raw = _first(params, "country")
    accept("country", raw, (raw or "").upper(), (raw or "").upper() in index.gazetteer.countries, "hint_country")
    raw = _first(params, "place")
    accept("place", raw, (raw or "").lower(), (raw or "").lower() in index.gazetteer.places, "hint_place")
    raw = _first(params, "theme")
    accept("theme", raw, (raw or "").lower(), (raw or "").lower() in index.themes, "hint_theme")
    raw = _first(params, "article")
    article = index.corpus.find(raw) if raw else None
    accept("article", raw, article and article.id, article is not None, "hint_article")
    raw = _first(params, "sentence")
    number = int(raw) if raw and raw.isascii() and raw.isdigit() and len(raw) <= 6 else None
    article = values.get("article")
    accept("sentence", raw, number, bool(number and article and index.article_sentence(str(article), number)),
           "hint_sentence")
    raw = _first(params, "q")
    accept("q", raw, raw, len(raw or "") <= MAX_QUERY, "hint_q")
    raw = _first(params, "until")
    year = int(raw) if raw and raw.isascii() and raw.isdigit() and len(raw) == 4 else None
    accept("until", raw, year, year is not None and FIRST_YEAR <= year <= date.today().year, "hint_until")

    if rejected:  # "falls back to the default view": keep only the language
        return View(lang=values.get("lang") or DEFAULT_LANGUAGE), rejected
    view = View(**{k: v for k, v in values.items() if v is not None})
    if view.place and view.country:  # one map selection at a time; the place is the finer one
        view = replace(view, country=None)
    return view, rejected
