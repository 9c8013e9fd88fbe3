"""Timeline: the events the articles date, oldest first, one event once with every sentence that
says it; the selection's events when there is one; "Open the article" opens it here."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from present.markup import citation, highlighted, in_language, inert
from present.selection import selection_name
from present.strings import format_date, plural, summit_label, t
from present.timeline import all_entries, basis_source, entry_title, sources, timeline_for
from ui.atlas import page_start
from ui.paging import more_button, shown_count
from ui.panel import go_to, render_article

index, view = page_start("timeline_title", "Timeline")
lang = view.lang
st.caption(t(lang, "timeline_intro"))
if view.article:
    render_article(index.corpus.articles[view.article], view, index)


def basis_note(event, lang: str) -> str:
    values = dict(event.values)
    if event.basis == "summit_list":
        values["label"] = summit_label(index.gazetteer.places[values.pop("place")].summit, lang)
    if "published" in values:
        values["published"] = format_date(values["published"], lang)
    if event.basis == "alternation":
        values["host"] = t(lang, f"host_{values['host']}")
        values["last"] = index.gazetteer.places[values["last"]].name(lang)
    if event.basis == "years_before":  # За 31 год, not 31 лет
        return plural(lang, "basis_years_before", int(values.pop("years")), **values)
    return t(lang, f"basis_{event.basis}", **values)


entries = timeline_for(view, index)
if view.selects:  # it follows the selection, and says so
    st.info(t(lang, "timeline_follows", name=inert(selection_name(view, index)), n=len(entries),
              total=len(all_entries(index))))
    st.button(t(lang, "timeline_show_all"), on_click=go_to, args=(replace(view, place=None, country=None, person=None,
                                                                          theme=None, q=None),))
    if not entries:
        st.caption(t(lang, "timeline_none"))
EVENTS_SHOWN = 50  # at a time: a large corpus has thousands
SOURCES_SHOWN = 3
shown = shown_count("timeline", view, EVENTS_SHOWN)
for number, entry in enumerate(entries[:shown]):
    with st.container(border=True):
        when, what = st.columns([1, 4])
        when.markdown(f"**{format_date(entry.date, lang)}**")
        if entry.status != "stated":
            when.caption(t(lang, f"status_{entry.status}"))
        what.markdown(f"**{inert(entry_title(entry, index, lang))}**", unsafe_allow_html=True)
        if entry.count > 1:
            what.caption(t(lang, "event_sources", n=entry.count))
        for position, event in enumerate(sources(entry, index, SOURCES_SHOWN)):
            what.markdown(in_language(highlighted(event.sentence.text, (event.span,) if event.span else ()),
                                      event.article.language), unsafe_allow_html=True)
            what.caption(citation(event.article, lang), unsafe_allow_html=True)
            what.button(t(lang, "open_article"), key=f"open-{number}-{position}", type="tertiary", on_click=go_to,
                        args=(replace(view, article=event.article.id, sentence=event.sentence.number + 1),))
        basis = basis_source(entry, index)
        if basis is not None:
            what.caption(basis_note(basis, lang))
more_button("timeline", view, shown, len(entries), EVENTS_SHOWN)
