"""The side panel: the selection's name and key facts, then its excerpts best first, or one article.

Streamlit only: what to show comes from `present.selection`, and every piece of article text is
made inert by `present.markup` before it reaches st.markdown.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from corpus.articles import Article
from corpus.excerpts import CorpusIndex, Excerpt, Excerpts
from corpus.text import merge_spans, safe_url
from present.markup import excerpt_markup, highlighted, highlighted_around, in_language, inert
from present.selection import corpus_languages, fallback, heading, selection_excerpts
from present.strings import format_date, inferred_mark, source_label, summit_label, t
from present.view import View
from ui.paging import more_button, shown_count
from ui.share import copy_field, view_link

GROUP_SHOWN = 6  # excerpts first shown in each of a theme's country groups


def go_to(view: View) -> None:
    st.query_params.from_dict(view.as_params())


def render_excerpt(excerpt: Excerpt, view: View, number: int) -> None:
    with st.container(border=True):
        # Text and citation in one element: a panel of excerpts is many elements for the browser.
        st.markdown(excerpt_markup(excerpt.text, excerpt.highlights, excerpt.article, view.lang),
                    unsafe_allow_html=True)
        sentence = excerpt.sentence
        # Opens the article at this sentence; the dialog holds the excerpt's own link to copy (one
        # element per card fewer than a popover each: a panel of excerpts is drawn on every click).
        st.button(
            t(view.lang, "open_article"), key=f"open-{number}-{excerpt.article.id}-{sentence.number}",
            on_click=go_to, args=(replace(view, article=excerpt.article.id, sentence=sentence.number + 1),),
            type="tertiary",
        )


def render_excerpts(excerpts: Excerpts, view: View) -> None:
    """The best few first; more on request (every excerpt is several elements for the browser to draw)."""
    if not excerpts:
        st.info(t(view.lang, "no_excerpts"))
        return
    st.caption(t(view.lang, "excerpts_count", n=len(excerpts)))
    shown = shown_count("excerpts", view)
    for number, excerpt in enumerate(excerpts[:shown]):
        render_excerpt(excerpt, view, number)
    more_button("excerpts", view, shown, len(excerpts))


def render_by_country(excerpts: Excerpts, view: View, index: CorpusIndex) -> None:
    """A theme's excerpts grouped by the countries each sentence names; each sentence once; the
    best few of each group first, more on request."""
    if not excerpts:
        st.info(t(view.lang, "no_excerpts"))
        return
    st.caption(t(view.lang, "excerpts_count", n=len(excerpts)))
    groups = excerpts.by_countries_named()
    order = sorted(groups, key=lambda key: (not key, key == ("region",), -len(groups[key])))
    number = 0
    for key in order:
        names = [t(view.lang, "group_region") if code == "region" else index.gazetteer.countries[code].name(view.lang)
                 for code in key] or [t(view.lang, "group_none")]
        st.markdown(f"##### {' · '.join(names)} ({len(groups[key])})")
        name = "-".join(key) or "none"
        shown = shown_count(name, view, GROUP_SHOWN)
        for position in groups[key][:shown]:
            render_excerpt(excerpts[position], view, number)
            number += 1
        more_button(name, view, shown, len(groups[key]), GROUP_SHOWN)


def close_article(view: View) -> None:
    go_to(replace(view, article=None))


def render_article(article: Article, view: View, index: CorpusIndex) -> None:
    """The whole article in a dialog over the map and panel, the selection's words marked."""

    @st.dialog(t(view.lang, "article"), width="large", on_dismiss=lambda: close_article(view))
    def article_dialog() -> None:
        lang = view.lang
        st.subheader(inert(article.title), anchor=False)
        facts = [f"*{t(lang, 'title')}{inferred_mark(article, 'title', lang)}*"] if "title" in article.inferred else []
        facts += [
            t(lang, "field", label=t(lang, "source"), value=inert(source_label(article, lang)) + inferred_mark(article, "source", lang)),
            t(lang, "field", label=t(lang, "published"),
              value=inert(format_date(article.published, lang)) + inferred_mark(article, "published", lang)),
            t(lang, "in_language", language=t(lang, f"lang_{article.language}")) + inferred_mark(article, "language", lang),
        ]
        url = safe_url(article.url)
        if url:
            anchor = f'<a href="{inert(url)}" target="_blank" rel="noopener noreferrer">{inert(url)}</a>'
            facts.append(t(lang, "field", label=t(lang, "original"), value=anchor))
        if article.note:
            facts.append(t(lang, "field", label=t(lang, "note"), value=inert(article.note)))
        st.markdown("  \n".join(facts), unsafe_allow_html=True)
        marks: dict[int, list[tuple[int, int]]] = {}
        selected = selection_excerpts(replace(view, article=None), index)
        for excerpt in selected.where(lambda s: s.article_id == article.id) if selected is not None else []:
            marks.setdefault(excerpt.sentence.paragraph, []).extend(excerpt.paragraph_highlights())
        linked = index.article_sentence(article.id, view.sentence) if view.sentence else None
        if linked:  # quoted first: the reader of a link to one excerpt sees it without scrolling
            st.markdown(f"{t(lang, 'linked_sentence', n=view.sentence)}\n\n> {inert(linked.text)}",
                        unsafe_allow_html=True)
        label = t(lang, "excerpt_link" if linked else "article_link")
        st.caption(label)
        copy_field(view_link(replace(view, sentence=view.sentence if linked else None)), lang, label)
        for number, paragraph in enumerate(article.paragraphs):
            spans = merge_spans(marks.get(number, []))
            if linked and linked.paragraph == number:
                shown = highlighted_around(paragraph, spans, linked.start, linked.end)
            else:
                shown = highlighted(paragraph, spans)
            st.markdown(in_language(shown, article.language), unsafe_allow_html=True)
        st.button(t(lang, "close_article"), on_click=close_article, args=(view,), icon=":material/arrow_back:")

    article_dialog()


def render_overview(view: View, index: CorpusIndex) -> None:
    lang = view.lang
    st.markdown(t(lang, "intro"))
    st.markdown(f"#### {t(lang, 'summits')}")
    for place in sorted((p for p in index.gazetteer.places.values() if p.summit), key=lambda p: p.summit.number):
        st.button(f"★ {place.name(lang)} — {summit_label(place.summit, lang)}", key=f"summit-{place.slug}",
                  on_click=go_to, args=(view.selecting_place(place.slug),), type="tertiary")
        st.caption(place.summit.facts(lang))


def render_panel(view: View, index: CorpusIndex) -> None:
    if view.article:
        render_article(index.corpus.articles[view.article], view, index)
    excerpts = selection_excerpts(view, index)
    top = heading(view, index)
    if excerpts is None or top is None:
        render_overview(view, index)
        return
    lang = view.lang
    st.subheader(top.title, anchor=False)
    if top.facts:
        st.markdown("\n".join(f"- {fact}" for fact in top.facts))
    for note in top.notes:
        st.caption(note, unsafe_allow_html=True)
    instead = fallback(view, index, excerpts)
    if instead:
        st.info(t(lang, "filtered_out", n=instead.unfiltered))
        if view.theme:  # the map may still show the theme here: say where that comes from
            st.caption(t(lang, "theme_not_here"))
        st.button(t(lang, "show_all", n=instead.unfiltered), on_click=go_to, args=(view.without_filters(),))
        if instead.theme_excerpts is not None:
            st.button(t(lang, "show_theme", n=instead.theme_excerpts, theme=index.themes[view.theme].label(lang)),
                      on_click=go_to, args=(view.theme_alone(),))
        return
    if view.q and not excerpts:
        st.info(t(lang, "search_none", q=inert(view.q)))
        languages = corpus_languages(index)
        if languages:  # excerpts are searched in their own language: say which ones there are
            st.caption(t(lang, "search_languages", languages=", ".join(t(lang, f"lang_{code}") for code in languages)))
        return
    if view.theme_only:
        render_by_country(excerpts, view, index)
    else:
        render_excerpts(excerpts, view)
