"""About: the corpus (with what was inferred for each article), the data sources and the link format."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.atlas import page_start
from ui.strings import t

index, view = page_start("about_title", "About")

st.markdown(t(view.lang, "about_corpus"))
articles = sorted(index.corpus.articles.values(), key=lambda a: a.published)
columns = {key: t(view.lang, key) for key in ("published", "title", "source", "language_column", "note", "url", "id")}
columns["language"] = columns.pop("language_column")
st.dataframe(
    pd.DataFrame({
        columns["published"]: [a.published for a in articles],
        columns["title"]: [a.title for a in articles],
        columns["source"]: [a.source for a in articles],
        columns["language"]: [a.language for a in articles],
        columns["note"]: [a.note or "" for a in articles],
        columns["url"]: [a.url or "" for a in articles],
        columns["id"]: [a.id for a in articles],
    }),
    hide_index=True, width="stretch",
    column_config={columns["title"]: st.column_config.TextColumn(width="medium"),
                   columns["note"]: st.column_config.TextColumn(width="large"),
                   columns["language"]: st.column_config.TextColumn(width="small")},
)
st.markdown(t(view.lang, "about_sources"))
st.markdown(t(view.lang, "about_links"))
