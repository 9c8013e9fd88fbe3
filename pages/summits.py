"""The summits side by side: what each signed, created, committed and agreed, with its sources,
the themes raised and who spoke; then the next summit, as expected."""

from __future__ import annotations

import streamlit as st

from present.markup import citation, inert
from present.selection import mention_line
from present.strings import format_date, summit_label, t
from present.summits import next_summit, summit_sheet, summit_venues
from ui.atlas import page_start
from ui.panel import render_article
from ui.summits import render_people, render_sheet, render_themes

index, view = page_start("summits_title", "Summits")
lang = view.lang
st.caption(t(lang, "summits_intro"))
if view.article:
    render_article(index.corpus.articles[view.article], view, index)

venues = summit_venues(index)
for column, venue in zip(st.columns(len(venues) or 1, gap="medium"), venues):
    place = index.gazetteer.places[venue]
    sheet = summit_sheet(index, venue, lang)
    with column:
        st.subheader(f"★ {place.name(lang)} — {summit_label(place.summit, lang)}", anchor=False)
        st.caption(place.summit.facts(lang))
        st.caption(t(lang, "summit_sentences", n=sheet.sentences, articles=sheet.articles) + " "
                   + mention_line(index, "place", venue, lang, None))
        st.page_link("app.py", label=t(lang, "summit_open"), icon=":material/map:",
                     query_params=view.selecting_place(venue).as_params())
        render_sheet(sheet, view, index)
        render_themes(sheet, view, index)
        render_people(sheet, view, index)

expected = next_summit(index)
if expected is not None:
    values = dict(expected.values)
    st.subheader(t(lang, "summit_expected", number=values["number"], year=format_date(expected.date, lang)),
                 anchor=False)
    st.caption(t(lang, "basis_alternation", number=values["number"], host=t(lang, f"host_{values['host']}"),
                 last=index.gazetteer.places[values["last"]].name(lang)))
    if expected.sentence is not None:
        st.caption(f"> {inert(expected.sentence.text)}\n\n{citation(expected.article, lang)}", unsafe_allow_html=True)
