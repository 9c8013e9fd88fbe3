"""Download buttons for the current view: the map as one standalone HTML file, and the
selection's excerpts as CSV and Markdown (made in `present.exports`).

Each file is made only when its button is clicked (a callable passed to st.download_button, run
by Streamlit outside the script), and the click does not rerun the page (`on_click="ignore"`).
The map's callable reads the same st.cache_resource layers as the page's map.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import streamlit as st

from corpus.excerpts import CorpusIndex
from geo.export import standalone_html
from present.exports import excerpt_files, file_stem
from present.selection import selection_excerpts, selection_name
from present.strings import t
from present.view import View
from present.settings import tiles_setting
from ui.data import atlas_base_map, atlas_selection


def map_file(view: View, index: CorpusIndex) -> Callable[[], str]:
    """The standalone map for `view`, built when called: fresh folium objects (a map cannot be
    rendered twice) from the same cached layers as the map on the page."""
    lang, today = view.lang, date.today().isoformat()
    label, (tiles, _) = selection_name(view, index), tiles_setting()  # a bad setting: said on the page

    def make() -> str:  # the layers come from the caches the page's own map filled
        return standalone_html(atlas_base_map(index, lang, tiles, view.until), atlas_selection(index, view),
                               title=f"{t(lang, 'app_title')} — {label}",
                               note=t(lang, "export_note", app=t(lang, "app_title"), selection=label, date=today))

    return make


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
