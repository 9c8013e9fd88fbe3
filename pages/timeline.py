"""Timeline: the corpus's dated events in order, each with its sentence and article."""

from __future__ import annotations

import streamlit as st

from ui.atlas import page_start
from ui.data import timeline_events
from present.markup import citation, highlighted, in_language
from present.strings import format_date, summit_label, t
from ui.paging import more_button, shown_count

index, view = page_start("timeline_title", "Timeline")
st.caption(t(view.lang, "timeline_intro"))


def basis_note(event, index, lang: str) -> str:
    values = dict(event.values)
    if event.basis == "summit_list":
        values["label"] = summit_label(index.gazetteer.places[values.pop("place")].summit, lang)
    if "published" in values:
        values["published"] = format_date(values["published"], lang)
    if event.basis == "alternation":
        values["host"] = t(lang, f"host_{values['host']}")
        values["last"] = index.gazetteer.places[values["last"]].name(lang)
    return t(lang, f"basis_{event.basis}", **values)


EVENTS_SHOWN = 50  # at a time: a large corpus has thousands
events = timeline_events(index)
shown = shown_count("timeline", view, EVENTS_SHOWN)
for event in events[:shown]:
    with st.container(border=True):
        when, what = st.columns([1, 4])
        when.markdown(f"**{format_date(event.date, view.lang)}**")
        if event.status != "stated":
            when.caption(t(view.lang, f"status_{event.status}"))
        if event.sentence is not None:
            what.markdown(in_language(highlighted(event.sentence.text, (event.span,) if event.span else ()), event.article.language),
                          unsafe_allow_html=True)
            what.caption(citation(event.article, view.lang), unsafe_allow_html=True)
            what.page_link("app.py", label=t(view.lang, "open_article"), query_params={  # framed at its sentence
                **view.as_params(), "article": event.article.id, "sentence": str(event.sentence.number + 1)})
        if event.basis:
            what.caption(basis_note(event, index, view.lang))
more_button("timeline", view, shown, len(events), EVENTS_SHOWN)
