"""Themes and key figures: the figures the articles state, and how often each theme meets each country."""

from __future__ import annotations

from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from ui.atlas import page_start
from ui.data import key_figures, theme_country_counts
from present.markup import citation, highlighted, in_language
from present.strings import format_number, t
from ui.paging import more_button, shown_count

index, view = page_start("themes_title", "Themes")
lang = view.lang

st.subheader(t(lang, "figures"), anchor=False)
FIGURES_SHOWN = 12  # at a time, four to a row
all_figures = key_figures(index)
shown = shown_count("figures", view, FIGURES_SHOWN)
figures = all_figures[:shown]
for row in range(0, len(figures), 4):
    for column, figure in zip(st.columns(4), figures[row:row + 4]):
        label = (index.themes[figure.about].label(lang) if figure.about in index.themes
                 else t(lang, "about_survey") if figure.about == "survey" else t(lang, "about_unknown"))
        number = format_number(figure.value, lang)
        value = f"{number} %" if figure.kind == "percent" else f"{number} {t(lang, figure.scale)} {figure.unit}"
        column.metric(f"{label}{', ' + figure.year if figure.year else ''}", value)
        column.markdown(in_language(highlighted(figure.sentence.text, (figure.span,)), figure.article.language),
                        unsafe_allow_html=True)
        column.caption(citation(figure.article, lang), unsafe_allow_html=True)

more_button("figures", view, shown, len(all_figures), FIGURES_SHOWN)

st.subheader(t(lang, "theme_table"), anchor=False)
counts = theme_country_counts(index, view.until)
countries = list(index.gazetteer.countries.values())
header = "| | " + " | ".join(c.name(lang) for c in countries) + " |"
rows = [header, "|---" * (len(countries) + 1) + "|"]
for theme in index.themes.values():
    cells = []
    for country in countries:
        n = counts.get((theme.slug, country.iso3), 0)
        link = "./?" + urlencode({**view.as_params(), "theme": theme.slug, "country": country.iso3})
        cells.append(f"[{n}]({link})" if n else "·")
    rows.append(f"| **{theme.code}** {theme.label(lang)} | " + " | ".join(cells) + " |")
st.markdown("\n".join(rows))

st.subheader(t(lang, "chart"), anchor=False)
chart = pd.DataFrame(
    {c.name(lang): [counts.get((theme.slug, c.iso3), 0) for theme in index.themes.values()] for c in countries},
    index=[f"{theme.code} {theme.label(lang)}" for theme in index.themes.values()],
)
chart = chart.loc[chart.sum(axis=1).sort_values(ascending=False).index]  # most discussed first
st.bar_chart(chart, horizontal=True, stack=True, height=460, sort=False)
