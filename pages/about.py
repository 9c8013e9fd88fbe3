"""About: the corpus (with what was inferred for each article), the data sources and the link format."""

from __future__ import annotations

from html import escape

import streamlit as st

from ui.atlas import page_start
from corpus.text import safe_url
from present.markup import in_language, inert
from present.strings import format_date, inferred_mark, plural, source_label, t
from present.tables import CSS, Row, table
from ui.paging import more_button, shown_count

index, view = page_start("about_title", "About")
lang = view.lang

EXAMPLE = """---
title: "Xi Jinping attends the second China–Central Asia Summit"   # required
published: 2025-06-17           # required: YYYY-MM-DD, or YYYY-MM when the day is unknown
language: en                    # required: fr, en, ru or zh
source: "Xinhua"                # optional
url: "https://…"                # optional: the original
---

First paragraph of the article.

Second paragraph, after a blank line."""


def files_not_read() -> None:
    """Every file that was not read, each with all its problems, and a correct example."""
    skipped = index.corpus.skipped
    st.subheader(t(lang, "about_skipped_title"), anchor=False)
    st.warning(plural(lang, "skipped_files", len(skipped)), icon=":material/description:")
    st.markdown(t(lang, "about_skipped_intro"))
    st.markdown("\n".join(f"- **{inert(item.name)}**" + "".join(f"\n    - {inert(problem)}" for problem in item.problems)
                          for item in skipped), unsafe_allow_html=True)  # inert: entities and splits are HTML
    if any(item.needs_front_matter for item in skipped):
        st.markdown(t(lang, "about_example"))
        st.code(EXAMPLE, language="yaml")
    st.caption(t(lang, "about_example_hint"))


if index.corpus.skipped:
    files_not_read()
st.markdown(t(lang, "about_corpus"))
# A real table (caption, headers, each title marked with its language), not st.dataframe's canvas grid.
ARTICLES_SHOWN = 100  # at a time: a large corpus has thousands
articles = index.articles_by_date()  # read as shown
shown = shown_count("about", view, ARTICLES_SHOWN)
rows = []
for article in articles[:shown]:
    url = safe_url(article.url)
    # The title heads its row, its id (what `?article=` takes) under it.
    def marked(field: str) -> str:
        return f"<em>{escape(mark)}</em>" if (mark := inferred_mark(article, field, lang)) else ""

    header = (f'{in_language(escape(article.title), article.language)}{marked("title")}'
              f'<br><small><code>{escape(article.id)}</code></small>')
    rows.append(Row(header, (
        escape(format_date(article.published, lang)) + marked("published"),
        escape(source_label(article, lang)) + marked("source"),
        escape(t(lang, f"lang_{article.language}")) + marked("language"), escape(article.note or ""),
        f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer">{escape(url)}</a>' if url else "")))
st.html(CSS + table(t(lang, "table_articles"), [t(lang, key) for key in (
    "title", "published", "source", "language_column", "note", "url")], rows, "atlas-articles"))
more_button("about", view, shown, len(articles), ARTICLES_SHOWN)
st.markdown(t(lang, "about_sources"))
st.markdown(t(lang, "about_links"))
