"""About: the corpus (with what was inferred for each article), the data sources and the link format."""

from __future__ import annotations

from html import escape

import streamlit as st

from ui.atlas import page_start
from corpus.text import safe_url
from present.markup import in_language
from present.strings import format_date, source_label, t
from present.tables import CSS, Row, table
from ui.paging import more_button, shown_count

index, view = page_start("about_title", "About")
lang = view.lang

st.markdown(t(lang, "about_corpus"))
# A real table (caption, headers, each title marked with its language), not st.dataframe's canvas grid.
ARTICLES_SHOWN = 100  # at a time: a large corpus has thousands
articles = index.articles_by_date()  # read as shown
shown = shown_count("about", view, ARTICLES_SHOWN)
rows = []
for article in articles[:shown]:
    url = safe_url(article.url)
    # The title heads its row, its id (what `?article=` takes) under it.
    header = f'{in_language(escape(article.title), article.language)}<br><small><code>{escape(article.id)}</code></small>'
    rows.append(Row(header, (
        escape(format_date(article.published, lang)), escape(source_label(article, lang)),
        escape(t(lang, f"lang_{article.language}")), escape(article.note or ""),
        f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer">{escape(url)}</a>' if url else "")))
st.html(CSS + table(t(lang, "table_articles"), [t(lang, key) for key in (
    "title", "published", "source", "language_column", "note", "url")], rows, "atlas-articles"))
more_button("about", view, shown, len(articles), ARTICLES_SHOWN)
st.markdown(t(lang, "about_sources"))
st.markdown(t(lang, "about_links"))
