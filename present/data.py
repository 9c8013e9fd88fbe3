"""Every view as data, with the page's own parameters: the view and its excerpts as a JSON
document, as the CSV download, and as an Atom feed (newest article first). Plain Python: the
server (web/) serves them; the selection comes from `present.selection`, the CSV from
`present.exports`, as on the page."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Mapping
from xml.etree import ElementTree

from corpus.excerpts import CorpusIndex, Excerpt
from corpus.text import safe_url
from present.exports import excerpt_csv
from present.links import view_link
from present.selection import selection_excerpts, selection_name
from present.strings import t
from present.view import PARAMS, View, view_from_params

SCHEMA_VERSION = 1
FEED_ENTRIES = 50  # newest first; a feed reader wants the latest, not the corpus
ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Parameters a link may carry that do not change the view's data (the map's layers, Streamlit's
# embedding): accepted and left out.
IGNORED = ("layers", "embed", "embed_options")
# What XML 1.0 cannot hold, even escaped (C0 controls but tab and line breaks, U+FFFE, U+FFFF,
# lone surrogates): ElementTree writes them as they are, and no feed reader parses the result.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class BadView:
    """Why a data route cannot answer: the parameter, its value and what it takes."""
    param: str
    value: str
    message: str

    def as_json(self) -> dict:
        return {"error": "bad_parameter", "parameter": self.param, "value": self.value, "message": self.message}


def data_view(params: Mapping[str, list[str]], index: CorpusIndex) -> tuple[View | None, BadView | None]:
    """The view the parameters ask for, or the first bad one (an unknown name is bad too: a data
    client with a typo would otherwise get the whole map without knowing it)."""
    unknown = sorted(name for name in params if name not in PARAMS and name not in IGNORED)
    view, rejected = view_from_params({name: params[name] for name in params if name in PARAMS}, index)
    if rejected:
        bad = rejected[0]
        return None, BadView(bad.param, bad.value, t(view.lang, "bad_param", param=bad.param, value=bad.value,
                                                     hint=t(view.lang, bad.hint)))
    if unknown:
        return None, BadView(unknown[0], (params[unknown[0]] or [""])[0][:60],
                             f"Unknown parameter {unknown[0]!r}; the parameters are: {', '.join(PARAMS)}.")
    return view, None


def view_excerpts(view: View, index: CorpusIndex) -> list[Excerpt]:
    """The view's excerpts, best first, as the panel lists them (an open article aside)."""
    return list(selection_excerpts(replace(view, article=None), index) or [])


def cut_short(view: View, index: CorpusIndex) -> bool:
    """Whether the view's search lists only the latest of more sentences holding its words."""
    excerpts = selection_excerpts(replace(view, article=None), index)
    return bool(excerpts is not None and excerpts.more)


def excerpt_view(view: View, excerpt: Excerpt) -> View:
    """The view with the excerpt's article open at its sentence: the excerpt's own link."""
    return replace(view, article=excerpt.article.id, sentence=excerpt.sentence.number + 1)


def _citation(article) -> dict:
    return {"id": article.id, "title": article.title, "source": article.source, "published": article.published,
            "language": article.language, "url": article.url}


def selection_facts(view: View, index: CorpusIndex) -> dict:
    """What is selected, as data (names in the view's language)."""
    lang, gazetteer = view.lang, index.gazetteer
    facts: dict = {}
    if view.place:
        place = gazetteer.places[view.place]
        facts["place"] = {"slug": place.slug, "name": place.name(lang), "country": place.country,
                          "lat": place.lat, "lon": place.lon, "capital": place.capital,
                          "summit": {"name": place.summit.name(lang), "dates": place.summit.dates,
                                     "facts": place.summit.facts(lang)} if place.summit else None}
    if view.country:
        country = gazetteer.countries[view.country]
        facts["country"] = {"iso3": country.iso3, "name": country.name(lang), "capital": country.capital}
    if view.theme:
        facts["theme"] = {"slug": view.theme, "label": index.themes[view.theme].label(lang)}
    if view.q:
        facts["search"] = view.q
    if view.until is not None:
        facts["until"] = view.until
    return facts


def view_document(view: View, index: CorpusIndex, page_base: str) -> dict:
    """The JSON of /view.json: the view as understood, its selection and its excerpts with their
    citations and own links. `page_base`: the map page's absolute address."""
    excerpts = view_excerpts(view, index)
    article = index.corpus.articles.get(view.article or "")
    return {
        "schema": SCHEMA_VERSION,
        "view": view.as_params(),
        "link": view_link(view, page_base),
        "selection": {"name": selection_name(replace(view, article=None), index),
                      "facts": selection_facts(view, index)},
        "article": _citation(article) if article else None,
        "count": len(excerpts),
        "more": cut_short(view, index),
        "articles": len({e.article.id for e in excerpts}),
        "excerpts": [{"rank": rank, "article": _citation(e.article), "sentence": e.sentence.number + 1,
                      "text": e.text, "link": view_link(excerpt_view(view, e), page_base)}
                     for rank, e in enumerate(excerpts, start=1)],
    }


def view_csv(view: View, index: CorpusIndex, page_base: str) -> str:
    """The CSV download's rows for the view."""
    return excerpt_csv(view, view_excerpts(view, index), page_base)


def _timestamp(published: str) -> str:
    """An article's YYYY-MM-DD or YYYY-MM as an RFC 3339 time (the month's first day)."""
    parts = (published.split("-") + ["01", "01"])[:3]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


def _newest_first(excerpts: list[Excerpt]) -> list[Excerpt]:
    """Newest article first; within an article, best first (the sort is stable)."""
    def published(excerpt: Excerpt) -> tuple[str, str]:
        return excerpt.article.published.ljust(10, "0"), excerpt.article.id
    return sorted(excerpts, key=published, reverse=True)


def view_feed(view: View, index: CorpusIndex, page_base: str, feed_url: str) -> str:
    """The Atom feed of the view's excerpts, newest article first (at most FEED_ENTRIES)."""
    lang = view.lang
    excerpts = _newest_first(view_excerpts(view, index))[:FEED_ENTRIES]
    ElementTree.register_namespace("", ATOM)

    def add(parent, tag: str, text: str | None = None, **attributes: str):
        element = ElementTree.SubElement(parent, f"{{{ATOM}}}{tag}",
                                          {name: _NOT_XML.sub("", value) for name, value in attributes.items()})
        if text is not None:  # a search from a link, an article's words: left out where XML cannot hold them
            element.text = _NOT_XML.sub("", text)
        return element

    feed = ElementTree.Element(f"{{{ATOM}}}feed", {XML_LANG: lang})
    link = view_link(view, page_base)
    add(feed, "id", link)
    add(feed, "title", f"{selection_name(replace(view, article=None), index)} — {t(lang, 'app_title')}")
    add(feed, "subtitle", t(lang, "feed_subtitle"))
    newest = max((a.published for a in index.corpus.articles.values()), default="1992-01")
    add(feed, "updated", _timestamp(excerpts[0].article.published if excerpts else newest))
    add(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    add(feed, "link", rel="alternate", type="text/html", href=link)
    add(add(feed, "author"), "name", t(lang, "app_title"))
    for excerpt in excerpts:
        article = excerpt.article
        own = view_link(excerpt_view(view, excerpt), page_base)
        entry = add(feed, "entry")
        add(entry, "id", own)
        add(entry, "title", article.title)
        add(entry, "updated", _timestamp(article.published))
        add(entry, "published", _timestamp(article.published))
        add(add(entry, "author"), "name", article.source)
        add(entry, "link", rel="alternate", type="text/html", href=own)
        if safe_url(article.url):
            add(entry, "link", rel="related", href=safe_url(article.url))
        content = add(entry, "content", excerpt.text, type="text")
        content.set(XML_LANG, article.language)
    return ElementTree.tostring(feed, encoding="unicode", xml_declaration=True)
