"""A summit's sheet drawn in Streamlit: what it signed, created, committed and agreed, each item
with its sources, the themes raised and the people; on the /summits page and, shorter, at the
top of a venue's panel. What to show comes from `present.summits`."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from corpus.excerpts import CorpusIndex, Sentence
from corpus.outcomes import KINDS
from present.markup import citation, in_language, inert
from present.selection import person_name
from present.strings import t
from present.summits import SummitSheet
from present.view import View
from ui.panel import go_to


def open_button(sentence: Sentence, view: View, key: str) -> None:
    st.button(t(view.lang, "open_article"), key=key, type="tertiary", on_click=go_to,
              args=(replace(view, article=sentence.article_id, sentence=sentence.number + 1),))


def render_items(sheet: SummitSheet, view: View, index: CorpusIndex, sources_shown: int) -> None:
    """Each kind's items: the item's words, then up to `sources_shown` sentences stating it."""
    lang = view.lang
    for kind in KINDS:
        items = sheet.items[kind]
        if not items:
            continue
        st.markdown(f"**{t(lang, f'kind_{kind}')}**")
        for number, item in enumerate(items):
            with st.container(border=True, key=f"item-{sheet.venue}-{kind}-{number}"):
                st.markdown(f"{in_language(inert(item.label), item.language)} · "
                            f"<small>{t(lang, 'summit_sources', n=item.count)}</small>", unsafe_allow_html=True)
                for position, sentence in enumerate(item.sources[:sources_shown]):
                    article = index.corpus.articles[sentence.article_id]
                    st.caption(f"> {in_language(inert(sentence.text), article.language)}\n\n{citation(article, lang)}",
                               unsafe_allow_html=True)
                    open_button(sentence, view, f"open-{sheet.venue}-{kind}-{number}-{position}")


def render_people(sheet: SummitSheet, view: View, index: CorpusIndex, shown: int = 8) -> None:
    """Who spoke (their statements) and who else the sentences name; each opens their panel."""
    lang = view.lang
    spoke = dict(sheet.spoke)
    listed = [slug for slug, _ in sheet.spoke] + [slug for slug, _ in sheet.attended if slug not in spoke]
    if not listed:
        return
    st.markdown(f"**{t(lang, 'summit_people')}**")
    named = dict(sheet.attended)
    with st.container(horizontal=True, gap="small"):
        for slug in listed[:shown]:
            said = spoke.get(slug, 0)
            label = (t(lang, "summit_spoke", n=said) if said else t(lang, "summit_named", n=named.get(slug, 0)))
            # a link to their panel on the map page (this page has no panel)
            st.page_link("app.py", label=f"{person_name(index, slug, lang)} · {label}", icon=":material/person:",
                         query_params=view.selecting_person(slug).as_params())


def render_themes(sheet: SummitSheet, view: View, index: CorpusIndex) -> None:
    if sheet.themes:
        st.markdown(f"**{t(view.lang, 'summit_themes')}**")
        st.markdown(" · ".join(f"{inert(index.themes[slug].label(view.lang))} ({n})" for slug, n in sheet.themes),
                    unsafe_allow_html=True)


def render_sheet(sheet: SummitSheet, view: View, index: CorpusIndex, sources_shown: int = 2) -> None:
    lang = view.lang
    if sheet.before:
        st.caption(t(lang, "summit_before"))
    if sheet.empty:
        st.info(t(lang, "summit_nothing"))
    render_items(sheet, view, index, sources_shown)
