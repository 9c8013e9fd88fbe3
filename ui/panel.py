"""The side panel: the selection's name and key facts, then its excerpts best first, or one article.

Streamlit only: what to show comes from `present.selection`, and every piece of article text is
made inert by `present.markup` before it reaches st.markdown.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from corpus.articles import Article
from corpus.excerpts import CorpusIndex, Excerpt, Excerpts
from corpus.meaning import why_theme
from corpus.text import merge_spans, safe_url
from geo.map_address import LAYERS_PARAM
from present.markup import (CITATION_OPACITY, attribute, excerpt_markup, highlighted, highlighted_around,
                            in_language, inert)
from present.selection import (article_parts, corpus_languages, excerpt_reason, fallback, heading, people_in,
                               person_name, selection_excerpts)
from present.summits import summit_sheet
from present.strings import format_date, inferred_mark, source_label, summit_label, t
from present.view import View
from ui.paging import more_button, shown_count
from ui.share import copy_field, view_link

GROUP_SHOWN = 6  # excerpts first shown in each of a theme's country groups


def go_to(view: View) -> None:
    """Write the view into the address. The map's ticked layers are the map's own (its script
    writes them, geo/map_address.js): kept as the browser last sent them."""
    params = view.as_params()
    if st.query_params.get(LAYERS_PARAM):
        params[LAYERS_PARAM] = st.query_params[LAYERS_PARAM]
    st.query_params.from_dict(params)


def render_excerpt(excerpt: Excerpt, view: View, number: int, reason: str | None = None) -> None:
    with st.container(border=True):
        if reason:  # in a word, why it is in this list
            st.caption(inert(reason, html=False))  # names and search words come from articles and links
        # Text and citation in one element: a panel of excerpts is many elements for the browser.
        st.markdown(excerpt_markup(excerpt.text, excerpt.highlights, excerpt.article, view.lang) + _why(excerpt, view),
                    unsafe_allow_html=True)
        sentence = excerpt.sentence
        # Opens the article at this sentence; the dialog holds the excerpt's own link to copy (one
        # element per card fewer than a popover each: a panel of excerpts is drawn on every click).
        st.button(
            t(view.lang, "open_article"), key=f"open-{number}-{excerpt.article.id}-{sentence.number}",
            on_click=go_to, args=(replace(view, article=excerpt.article.id, sentence=sentence.number + 1),),
            type="tertiary",
        )


def _why(excerpt: Excerpt, view: View) -> str:
    """Why this excerpt is shown, when its words do not say it: found by meaning (a search), or its
    theme found by meaning (the labelled example closest to it)."""
    notes = []
    if excerpt.by_meaning:
        notes.append(t(view.lang, "by_meaning"))
    if view.theme:
        example = why_theme(excerpt.sentence.text, excerpt.sentence.mentions, view.theme)
        if example:
            short = example if len(example) <= 140 else example[:139] + "…"
            notes.append(t(view.lang, "theme_by_meaning", example=short))
    return "".join(f'<br><small style="opacity:{CITATION_OPACITY}">{inert(note)}</small>' for note in notes)


def render_excerpts(excerpts: Excerpts, view: View, index: CorpusIndex) -> None:
    """The best few first; more on request (every excerpt is several elements for the browser to draw)."""
    if not excerpts:
        st.info(t(view.lang, "no_excerpts"))
        return
    st.caption(t(view.lang, "excerpts_count_more" if excerpts.more else "excerpts_count", n=len(excerpts)))
    shown = shown_count("excerpts", view)
    for number, excerpt in enumerate(excerpts[:shown]):
        render_excerpt(excerpt, view, number, excerpt_reason(view, index, excerpt.sentence, excerpt.by_meaning))
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
        for excerpt in groups[key][:shown]:
            render_excerpt(excerpt, view, number, excerpt_reason(view, index, excerpt.sentence, excerpt.by_meaning))
            number += 1
        more_button(name, view, shown, len(groups[key]), GROUP_SHOWN)


def shown_part(view: View, parts: list[range], paragraph: int) -> int:
    """The part of the article the dialog shows: the one the reader moved to, else the one holding
    `paragraph` (the linked sentence's)."""
    counted_for, part = st.session_state.get("article-part", (None, None))
    if counted_for == view and part is not None and part < len(parts):
        return part
    return next((number for number, paragraphs in enumerate(parts) if paragraph in paragraphs), 0)


def part_switch(view: View, parts: list[range], part: int) -> None:
    """ "Part 2 of 9 (paragraphs 81–160)", with buttons to the parts before and after."""
    st.caption(t(view.lang, "article_part", n=part + 1, total=len(parts), first=parts[part].start + 1,
                 last=parts[part].stop))

    def move(to: int) -> None:
        st.session_state["article-part"] = (view, to)

    before, after = st.columns(2)
    before.button(t(view.lang, "part_before"), on_click=move, args=(part - 1,), disabled=part == 0,
                  icon=":material/chevron_left:", key="part-before")
    after.button(t(view.lang, "part_after"), on_click=move, args=(part + 1,), disabled=part == len(parts) - 1,
                 icon=":material/chevron_right:", key="part-after")


def close_article(view: View) -> None:
    go_to(replace(view, article=None))


def render_article(article: Article, view: View, index: CorpusIndex) -> None:
    """The whole article in a dialog over the map and panel, the selection's words marked."""

    @st.dialog(t(view.lang, "article"), width="large", on_dismiss=lambda: close_article(view))
    def article_dialog() -> None:
        lang = view.lang
        st.subheader(inert(article.title, html=False), anchor=False)
        facts = [f"*{t(lang, 'title')}{inferred_mark(article, 'title', lang)}*"] if "title" in article.inferred else []
        facts += [
            t(lang, "field", label=t(lang, "source"), value=inert(source_label(article, lang)) + inferred_mark(article, "source", lang)),
            t(lang, "field", label=t(lang, "published"),
              value=inert(format_date(article.published, lang)) + inferred_mark(article, "published", lang)),
            t(lang, "in_language", language=t(lang, f"lang_{article.language}")) + inferred_mark(article, "language", lang),
        ]
        url = safe_url(article.url)
        if url:
            anchor = f'<a href="{attribute(url)}" target="_blank" rel="noopener noreferrer">{inert(url)}</a>'
            facts.append(t(lang, "field", label=t(lang, "original"), value=anchor))
        if article.note:
            facts.append(t(lang, "field", label=t(lang, "note"), value=inert(article.note)))
        st.markdown("  \n".join(facts), unsafe_allow_html=True)
        marks: dict[int, list[tuple[int, int]]] = {}
        selected = selection_excerpts(replace(view, article=None), index, everything=True)  # every match marked
        for excerpt in selected.in_article(article.id) if selected is not None else []:
            marks.setdefault(excerpt.sentence.paragraph, []).extend(excerpt.paragraph_highlights())
        linked = index.article_sentence(article.id, view.sentence) if view.sentence else None
        if linked:  # quoted first: the reader of a link to one excerpt sees it without scrolling
            st.markdown(f"{t(lang, 'linked_sentence', n=view.sentence)}\n\n> {inert(linked.text)}",
                        unsafe_allow_html=True)
        label = t(lang, "excerpt_link" if linked else "article_link")
        st.caption(label)
        copy_field(view_link(replace(view, sentence=view.sentence if linked else None)), lang, label)
        parts = article_parts(article.paragraphs)
        part = shown_part(view, parts, linked.paragraph if linked else 0)

        def paragraph_markup(number: int) -> str:
            spans = merge_spans(marks.get(number, []))
            paragraph = article.paragraphs[number]
            if linked and linked.paragraph == number:
                return in_language(highlighted_around(paragraph, spans, linked.start, linked.end), article.language)
            return in_language(highlighted(paragraph, spans), article.language)

        # One element for the whole part (not one per paragraph): what the browser draws is bounded.
        st.markdown("\n\n".join(paragraph_markup(number) for number in parts[part]), unsafe_allow_html=True)
        if len(parts) > 1:
            part_switch(view, parts, part)
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
        if instead.theme_excerpts:  # never "show the 0 excerpts"
            st.button(t(lang, "show_theme", n=instead.theme_excerpts, theme=index.themes[view.theme].label(lang)),
                      on_click=go_to, args=(view.theme_alone(),))
        return
    if view.q and not excerpts:
        st.info(t(lang, "search_none", q=inert(view.q, html=False)))
        languages = corpus_languages(index)
        if languages:  # excerpts are searched in their own language: say which ones there are
            st.caption(t(lang, "search_languages", languages=", ".join(t(lang, f"lang_{code}") for code in languages)))
        return
    if view.place and index.gazetteer.places[view.place].summit and not (view.theme or view.q):
        render_summit_top(view, index)
    render_people_list(excerpts, view, index)
    if view.theme_only:
        render_by_country(excerpts, view, index)
    else:
        render_excerpts(excerpts, view, index)


PEOPLE_SHOWN = 6


def render_people_list(excerpts: Excerpts, view: View, index: CorpusIndex) -> None:
    """The people the selection's excerpts name or quote: each opens their own panel."""
    people = people_in(excerpts, index, leave_out=view.person)[:PEOPLE_SHOWN]
    if not people:
        return
    st.caption(t(view.lang, "people_here"))
    with st.container(horizontal=True, gap="small", key="people-here"):
        for slug, _ in people:
            st.button(inert(person_name(index, slug, view.lang), html=False), key=f"person-{slug}", icon=":material/person:",
                      on_click=go_to, args=(view.selecting_person(slug),))


def render_summit_top(view: View, index: CorpusIndex) -> None:
    """At the top of a venue's panel: what its summit produced, one source each (the /summits page has all)."""
    from ui.summits import render_sheet  # ui.summits draws with this module's go_to

    st.markdown(f"#### {t(view.lang, 'agreed_here')}")
    render_sheet(summit_sheet(index, view.place or "", view.lang), view, index, sources_shown=1)
