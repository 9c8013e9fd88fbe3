"""Download buttons for the current view: the map as one standalone HTML file, and the
selection's excerpts as CSV and Markdown with full citations.

Each file is made only when its button is clicked (a callable passed to st.download_button, run
by Streamlit outside the script), and the click does not rerun the page (`on_click="ignore"`).
The map's callable reads the same st.cache_resource layers as the page's map.
"""

from __future__ import annotations

from urllib.parse import urlencode

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

import streamlit as st

from corpus.excerpts import CorpusIndex, Excerpt
from corpus.export import CitationWords, excerpts_csv, excerpts_markdown
from geo.export import standalone_html
from ui.data import atlas_base_map, atlas_selection, tiles_setting
from ui.panel import selection_excerpts
from ui.state import View
from ui.strings import t

CSV_BOM = "\ufeff"  # spreadsheets then read the file as UTF-8 (accents, «»)


def selection_label(view: View, index: CorpusIndex) -> str:
    """What the view shows, in words: "★ Astana · Smooth trade · as of 2024"."""
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
    if not (view.place or view.country or view.theme or view.q):
        parts.append(t(lang, "export_whole_map"))
    if view.until is not None:
        parts.append(t(lang, "export_as_of", year=view.until))
    return " · ".join(parts)


def file_stem(view: View) -> str:
    """`atlas-place-astana-theme-trade`: the selection's link parameters, safe as a file name."""
    params = replace(view, article=None, lang="en", q="search" if view.q else None).as_params()
    words = [f"{name}-{value}" for name, value in params.items()]
    return re.sub(r"[^a-z0-9-]+", "-", "-".join(["atlas", *words]).lower()).strip("-")


def selection_params(view: View) -> str:
    """The link parameters that reopen the selection (not the language, not an open article)."""
    return urlencode(replace(view, article=None, lang="en").as_params())  # as ui.share.view_link writes them


def map_file(view: View, index: CorpusIndex) -> Callable[[], str]:
    """The standalone map for `view`, built when called: fresh folium objects (a map cannot be
    rendered twice) from the same cached layers as the map on the page."""
    lang, today = view.lang, date.today().isoformat()
    label, (tiles, _) = selection_label(view, index), tiles_setting()  # a bad setting: said on the page

    def make() -> str:  # the layers come from the caches the page's own map filled
        return standalone_html(atlas_base_map(index, lang, tiles, view.until), atlas_selection(index, view),
                               title=f"{t(lang, 'app_title')} — {label}",
                               note=t(lang, "export_note", app=t(lang, "app_title"), selection=label, date=today))

    return make


def excerpt_files(view: View, index: CorpusIndex,
                  excerpts: Sequence[Excerpt]) -> tuple[Callable[[], str], Callable[[], str]]:
    """The CSV and the Markdown of `excerpts`, each made when called, cited in the view's language."""
    lang, today = view.lang, date.today().isoformat()
    label, params = selection_label(view, index), selection_params(view)

    def csv_file() -> str:
        return CSV_BOM + excerpts_csv(excerpts, params)

    def markdown_file() -> str:
        intro = t(lang, "export_intro", n=len(excerpts), selection=label, params=params or "—", date=today)
        words = CitationWords(t(lang, "cite_article"), t(lang, "cite_sentence"), t(lang, "unknown_source"))
        return excerpts_markdown(excerpts, title=f"{t(lang, 'app_title')} — {label}", intro=intro, words=words)

    return csv_file, markdown_file


def render_downloads(view: View, index: CorpusIndex) -> None:
    """The map always; the excerpts when the view selects or searches something."""
    lang, stem = view.lang, file_stem(view)
    st.caption(t(lang, "downloads"))
    row = st.container(horizontal=True)  # wraps on a narrow screen; labels are never cut
    row.download_button(t(lang, "download_map"), data=map_file(view, index), file_name=f"{stem}.html",
                        mime="text/html", on_click="ignore", icon=":material/map:",
                        help=t(lang, "download_map_help"), key="download-map")
    excerpts = selection_excerpts(replace(view, article=None), index)
    if not excerpts:
        return
    csv_file, markdown_file = excerpt_files(view, index, excerpts)
    row.download_button(t(lang, "download_csv"), data=csv_file, file_name=f"{stem}.csv", mime="text/csv",
                        on_click="ignore", icon=":material/table:", help=t(lang, "download_excerpts_help"),
                        key="download-csv")
    row.download_button(t(lang, "download_markdown"), data=markdown_file, file_name=f"{stem}.md",
                        mime="text/markdown", on_click="ignore", icon=":material/description:",
                        help=t(lang, "download_excerpts_help"), key="download-markdown")
