"""The atlas as HTML tables a keyboard and a screen reader can use (st.dataframe draws a canvas).

Plain Python: each function returns HTML in which every piece of text is escaped here; the page
hands it to st.html. A table has a caption, column headers (`scope="col"`) and its first cell as
the row's header (`scope="row"`); it scrolls sideways in a focusable, labelled region on a phone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape
from string import Template
from urllib.parse import urlencode

from corpus.excerpts import CorpusIndex, Excerpt
from corpus.gazetteer import Place
from present.markup import highlighted, in_language, language_badge
from present.view import View
from present.strings import format_coordinates, format_date, source_label, summit_label, t

MAP_PAGE = "./"  # the map page, relative to any page of the app (with or without a base URL path)
TABLE_PAGE = "./table"

# Text and link colours on the tables' backgrounds (the contrast tests read them here).
COLOURS = {"ink": "#1f2d3a", "link": "#1558a8", "header": "#eef1f5", "current": "#fff4d6", "mark": "#ffe27a"}
CSS = Template("""
<style>
.atlas-tables { overflow-x: auto; margin: 0 0 1.5rem; }
.atlas-tables:focus-visible { outline: 3px solid $link; outline-offset: 2px; }
.atlas-tables table { border-collapse: collapse; width: 100%; font-size: .95rem; color: $ink; }
.atlas-tables caption { text-align: left; font-weight: 700; font-size: 1.1rem; padding: .25rem 0 .5rem; }
.atlas-tables th, .atlas-tables td { border-bottom: 1px solid #c9ced6; padding: .35rem .5rem; text-align: left;
  vertical-align: top; }
.atlas-tables thead th { background: $header; }
.atlas-tables a { color: $link; }
.atlas-tables a:focus-visible { outline: 3px solid $link; outline-offset: 1px; }
.atlas-tables tr[aria-current] { background: $current; }
.atlas-tables mark { background: $mark; color: $ink; }
.atlas-tables a { overflow-wrap: break-word; }  /* names whole (a narrow table scrolls sideways) */
#atlas-articles td a, .atlas-tables code { overflow-wrap: anywhere; }  /* long addresses and ids may break */
#atlas-articles th[scope="row"] { min-width: 12em; }
#atlas-articles td:nth-of-type(4) { min-width: 16em; }
#atlas-articles td:nth-of-type(5) { min-width: 12em; }
</style>
""").substitute(COLOURS)


@dataclass(frozen=True)
class Row:
    header: str  # HTML, the row's first cell
    cells: tuple[str, ...]  # HTML
    current: bool = False  # the selected row


def link(href: str, text: str) -> str:
    return f'<a href="{escape(href)}" target="_self">{escape(text)}</a>'


def table(caption: str, headers: list[str], rows: list[Row], table_id: str) -> str:
    """One table in a scrolling region named by its caption. `headers` and `caption` are plain text."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "".join(
        ('<tr aria-current="true">' if row.current else "<tr>") + f'<th scope="row">{row.header}</th>'
        + "".join(f"<td>{cell}</td>" for cell in row.cells) + "</tr>"
        for row in rows)
    return (f'<div class="atlas-tables" role="region" tabindex="0" aria-labelledby="{table_id}-caption">'
            f'<table id="{table_id}"><caption id="{table_id}-caption">{escape(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")


def _href(page: str, view: View) -> str:
    query = urlencode(replace(view, article=None).as_params())
    return f"{page}?{query}" if query else page


def places_table(places: list[Place], index: CorpusIndex, view: View) -> str:
    lang = view.lang
    rows = []
    for place in places:
        if place.summit:
            kind = t(lang, "field", label=t(lang, "summit_venue"), value=summit_label(place.summit, lang))
        else:
            kind = t(lang, "capital" if place.capital else "kind_city")
        sentences = index.mentioning("place", place.slug, view.until)
        rows.append(Row(
            link(_href(TABLE_PAGE, view.selecting_place(place.slug)), place.name(lang)),
            (escape(index.gazetteer.countries[place.country].name(lang)), escape(kind),
             escape(format_coordinates(place.lat, place.lon, lang)), str(len(sentences)),
             link(_href(MAP_PAGE, view.selecting_place(place.slug)), t(lang, "on_map"))),
            current=view.place == place.slug))
    return table(t(lang, "table_places"), [t(lang, "col_place"), t(lang, "col_country"), t(lang, "col_kind"),
                                           t(lang, "coordinates"), t(lang, "col_sentences"), t(lang, "nav_map")],
                 rows, "atlas-places")


def countries_table(index: CorpusIndex, view: View) -> str:
    lang, gazetteer = view.lang, index.gazetteer
    rows = [Row(
        link(_href(TABLE_PAGE, view.selecting_country(country.iso3)), country.name(lang)),
        (escape(gazetteer.places[country.capital].name(lang)), escape(country.iso3),
         str(len(index.mentioning("country", country.iso3, view.until))),
         link(_href(MAP_PAGE, view.selecting_country(country.iso3)), t(lang, "on_map"))),
        current=view.country == country.iso3,
    ) for country in gazetteer.countries.values()]
    return table(t(lang, "table_countries"), [t(lang, "col_country"), t(lang, "capital"), t(lang, "iso"),
                                              t(lang, "col_sentences"), t(lang, "nav_map")], rows, "atlas-countries")


def themes_table(index: CorpusIndex, view: View) -> str:
    lang = view.lang
    rows = [Row(
        link(_href(TABLE_PAGE, replace(view, theme=theme.slug)), theme.label(lang)),
        (escape(theme.code), str(len(index.mentioning("theme", theme.slug, view.until))),
         link(_href(MAP_PAGE, replace(view, theme=theme.slug)), t(lang, "on_map"))),
        current=view.theme == theme.slug,
    ) for theme in index.themes.values()]
    return table(t(lang, "table_themes"), [t(lang, "col_theme"), t(lang, "col_code"), t(lang, "col_sentences"),
                                           t(lang, "nav_map")], rows, "atlas-themes")


def excerpts_table(excerpts: list[Excerpt], caption: str, view: View) -> str:
    """The selection's excerpts, best first: each in its own language, marked, with its article."""
    lang = view.lang
    rows = []
    for rank, excerpt in enumerate(excerpts, start=1):
        article = excerpt.article
        rows.append(Row(
            str(rank),
            (f"{language_badge(article.language, lang)} "
             f"{in_language(highlighted(excerpt.text, excerpt.highlights), article.language)}",
             in_language(escape(article.title), article.language),
             escape(source_label(article, lang)), escape(format_date(article.published, lang)),
             link(f"{MAP_PAGE}?{urlencode(replace(view, article=article.id).as_params())}", t(lang, "open_article"))),
        ))
    return table(caption, [t(lang, "col_rank"), t(lang, "col_excerpt"), t(lang, "article"), t(lang, "source"),
                           t(lang, "published"), t(lang, "col_open")], rows, "atlas-excerpts")
