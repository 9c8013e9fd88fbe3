"""Table view: the map's places, countries and themes, and the selection's excerpts, as HTML tables
that a keyboard and a screen reader can use. The view stays in the URL, as on every page."""

from __future__ import annotations

import streamlit as st

from ui.atlas import page_start
from present.map_model import map_places
from present.selection import selection_excerpts, selection_name
from present.strings import t
from present.tables import CSS, countries_table, excerpts_table, places_table, themes_table
from ui.paging import more_button, shown_count

index, view = page_start("table_title", "Table")
lang = view.lang
st.caption(t(lang, "table_intro"))


EXCERPTS_SHOWN = 50  # rows at a time: a selection in a large corpus has thousands
excerpts = selection_excerpts(view, index)
if excerpts is None:
    st.info(t(lang, "table_choose"))
else:
    caption = t(lang, "table_excerpts", name=selection_name(view, index), n=len(excerpts))
    shown = shown_count("table", view, EXCERPTS_SHOWN)
    st.html(CSS + excerpts_table(excerpts[:shown], caption, view))
    more_button("table", view, shown, len(excerpts), EXCERPTS_SHOWN)
    if not excerpts:
        st.info(t(lang, "no_excerpts"))
st.html(CSS + places_table(map_places(index), index, view) + countries_table(index, view) + themes_table(index, view))
