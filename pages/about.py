"""About: the corpus (with what was inferred for each article), the data sources and the link format."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.atlas import page_start, show_skipped_files
from ui.strings import t

st.set_page_config(page_title="About · China–Central Asia Summit Atlas", page_icon="🗺️", layout="wide")
index, view = page_start("about_title")
show_skipped_files(index, view.lang)

st.markdown(t(view.lang, "about_corpus"))
articles = sorted(index.corpus.articles.values(), key=lambda a: a.published)
st.dataframe(
    pd.DataFrame({
        "id": [a.id for a in articles],
        t(view.lang, "published"): [a.published for a in articles],
        "title": [a.title for a in articles],
        t(view.lang, "source"): [a.source for a in articles],
        "lang": [a.language for a in articles],
        t(view.lang, "note"): [a.note or "" for a in articles],
        "url": [a.url or "" for a in articles],
    }),
    hide_index=True, width="stretch",
)
st.markdown(t(view.lang, "about_sources"))
st.markdown(t(view.lang, "about_links"))
