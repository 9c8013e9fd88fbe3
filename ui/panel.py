"""The side panel: the selection's name and key facts, then its excerpts best first, or one article.

Article text is data: every piece of it goes through `inert()` before it reaches st.markdown,
so HTML, Markdown links, `javascript:` URLs, math and emoji codes all show as typed.
"""

from __future__ import annotations

import re
from dataclasses import replace

import streamlit as st

from corpus.articles import Article
from corpus.excerpts import CorpusIndex, Excerpt, Excerpts
from corpus.text import merge_spans, safe_url
from ui.share import copy_field, view_link
from ui.state import View
from ui.strings import (DEFAULT_LANGUAGE, STRINGS, format_coordinates, format_date, inferred_mark, source_label,
                        summit_label, t)

SHOWN_FIRST = 6
CITATION_OPACITY = 0.75  # the citation under an excerpt, faded: 6:1 on white (WCAG AA wants 4.5)
# Characters that Markdown, HTML, LaTeX ($) or emoji shortcodes (:) could give a meaning to.
_ACTIVE = re.compile(r"[\\`*_{}\[\]()#+\-.!|~$:<>&\"'=^@%]")


def inert(text: str) -> str:
    """Text shown as typed inside st.markdown: active characters become numeric entities."""
    return _ACTIVE.sub(lambda m: f"&#{ord(m.group(0))};", re.sub(r"\s", " ", text))


def highlighted(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """`text` made inert, with each span wrapped in <mark>."""
    return _marked(text, spans).strip()


def _marked(text: str, spans) -> str:
    parts, last = [], 0
    for start, end in spans:
        parts.append(inert(text[last:start]))
        parts.append(f"<mark>{inert(text[start:end])}</mark>")
        last = end
    parts.append(inert(text[last:]))
    return "".join(parts)


LINKED_STYLE = "background:#fdf0c4;box-shadow:0 0 0 2px #e0a800;border-radius:2px"


def highlighted_around(text: str, spans, start: int, end: int) -> str:
    """Like `highlighted`, with text[start:end] (the linked sentence) framed as well."""
    def within(a: int, b: int) -> list[tuple[int, int]]:
        return [(max(s, a) - a, min(e, b) - a) for s, e in spans if s < b and e > a]

    return (_marked(text[:start], within(0, start))
            + f'<span id="atlas-linked-sentence" style="{LINKED_STYLE}">'
            + _marked(text[start:end], within(start, end)) + "</span>"
            + _marked(text[end:], within(end, len(text)))).strip()


def go_to(view: View) -> None:
    st.query_params.from_dict(view.as_params())


def in_language(html: str, language: str) -> str:
    """Article text marked with its own language, so screen readers pronounce it as such."""
    return f'<span lang="{inert(language)}">{html}</span>'


# A visible badge, and its full name for screen readers (who would read "FR" as a word).
_HIDDEN = "position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap"


def language_badge(language: str, lang: str) -> str:
    """ "FR" beside an excerpt in French, titled "French" (or "français") in the reader's language."""
    name = t(lang, f"lang_{language}") if f"lang_{language}" in STRINGS[DEFAULT_LANGUAGE] else language
    return (f'<span class="atlas-lang" title="{inert(name)}" style="display:inline-block;padding:0 4px;'
            f'border:1px solid currentColor;border-radius:3px;font-size:.75em;font-weight:600;'
            f'line-height:1.3;vertical-align:.1em"><span aria-hidden="true">{inert(language.upper())}</span>'
            f'<span style="{_HIDDEN}">{inert(t(lang, "excerpt_in", language=name))}</span></span>')


def citation(article: Article, lang: str) -> str:
    return (f"**{in_language(inert(article.title), article.language)}** · {inert(source_label(article, lang))} · "
            f"{inert(format_date(article.published, lang))}")


def render_excerpt(excerpt: Excerpt, view: View, number: int) -> None:
    with st.container(border=True):
        # Text and citation in one element: a panel of excerpts is many elements for the browser.
        language = excerpt.article.language
        st.markdown(f"{language_badge(language, view.lang)} "
                    f"{in_language(highlighted(excerpt.text, excerpt.highlights), language)}<br>"
                    f'<small style="opacity:{CITATION_OPACITY}">{citation(excerpt.article, view.lang)}</small>', unsafe_allow_html=True)
        sentence = excerpt.sentence
        # Opens the article at this sentence; the dialog holds the excerpt's own link to copy (one
        # element per card fewer than a popover each: a panel of excerpts is drawn on every click).
        st.button(
            t(view.lang, "open_article"), key=f"open-{number}-{excerpt.article.id}-{sentence.number}",
            on_click=go_to, args=(replace(view, article=excerpt.article.id, sentence=sentence.number + 1),),
            type="tertiary",
        )


def render_excerpts(excerpts: list[Excerpt], view: View) -> None:
    """The best few first; more on request (every excerpt is several elements for the browser to draw)."""
    if not excerpts:
        st.info(t(view.lang, "no_excerpts"))
        return
    st.caption(t(view.lang, "excerpts_count", n=len(excerpts)))
    shown = shown_count(f"shown:{view}")
    for number, excerpt in enumerate(excerpts[:shown]):
        render_excerpt(excerpt, view, number)
    more_button(f"shown:{view}", shown, len(excerpts), view.lang, button_key="more-excerpts")


def shown_count(key: str, step: int = SHOWN_FIRST) -> int:
    """How many of a long list to draw: `step` at first, `step` more after each "show more"."""
    return st.session_state.get(key, step)


def more_button(key: str, shown: int, total: int, lang: str, step: int = SHOWN_FIRST, button_key: str = "") -> None:
    """The "show more" button under a list of which `shown` of `total` are drawn."""
    if total > shown:
        st.button(t(lang, "more_excerpts", n=min(step, total - shown)), key=button_key or f"more-{key}",
                  on_click=lambda: st.session_state.__setitem__(key, shown + step))


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
        shown = shown_count(f"shown:{view}:{key}")
        for position in groups[key][:shown]:
            render_excerpt(excerpts[position], view, number)
            number += 1
        more_button(f"shown:{view}:{key}", shown, len(groups[key]), view.lang, button_key=f"more-{'-'.join(key) or 'none'}")


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


def selection_excerpts(view: View, index: CorpusIndex) -> Excerpts | None:
    """Excerpts for the view: its place or country (narrowed to its theme), else its theme; then `q`.
    None when nothing is selected or searched."""
    if view.place:
        excerpts = index.excerpts_for_place(view.place)
    elif view.country:
        excerpts = index.excerpts_for_country(view.country)
    elif view.theme:
        excerpts = index.excerpts_for_theme(view.theme)
    elif view.q:
        excerpts = index.search(view.q)
    else:
        return None
    if view.theme and (view.place or view.country):
        about_theme = {s.id for s in index.mentioning("theme", view.theme)}
        excerpts = excerpts.where(lambda s: s.id in about_theme)
    if view.until is not None:  # the map is as of that year: so are its excerpts
        excerpts = excerpts.where(lambda s: index.published_by(s, view.until))
    searched = view.q and (view.place or view.country or view.theme)
    return index.search(view.q, within=excerpts) if searched else excerpts


def _mention_line(index: CorpusIndex, kind: str, key: str, lang: str, until: int | None) -> str:
    sentences = index.mentioning(kind, key, until)
    return t(lang, "mentions", sentences=len(sentences), articles=len({s.article_id for s in sentences}))


def render_heading(view: View, index: CorpusIndex) -> None:
    lang, gazetteer = view.lang, index.gazetteer
    if view.place:
        place = gazetteer.places[view.place]
        country = gazetteer.countries[place.country].name(lang)
        st.subheader(("★ " if place.summit else "") + place.name(lang), anchor=False)
        facts = [t(lang, "capital_of" if place.capital else "city_in", country=country),
                 t(lang, "field", label=t(lang, "coordinates"), value=format_coordinates(place.lat, place.lon, lang))]
        if place.summit:
            facts.insert(0, f"**{summit_label(place.summit, lang)}** — {place.summit.facts(lang)}")
        facts.append(_mention_line(index, "place", place.slug, lang, view.until))
        st.markdown("\n".join(f"- {fact}" for fact in facts))
    elif view.country:
        country = gazetteer.countries[view.country]
        capital = gazetteer.places[country.capital]
        st.subheader(country.name(lang), anchor=False)
        facts = [t(lang, "field", label=t(lang, "capital"), value=capital.name(lang)),
                 t(lang, "field", label=t(lang, "iso"), value=country.iso3)]
        facts += [t(lang, "field", label=t(lang, "summit_venue"), value=f"★ {p.name(lang)} — {summit_label(p.summit, lang)}")
                  for p in gazetteer.places.values() if p.summit and p.country == country.iso3]
        facts.append(_mention_line(index, "country", country.iso3, lang, view.until))
        st.markdown("\n".join(f"- {fact}" for fact in facts))
        if country.iso3 != "CHN":
            st.caption(t(lang, "region_note"))
    elif view.theme:
        theme = index.themes[view.theme]
        st.subheader(theme.label(lang), anchor=False)
        st.markdown(t(lang, "theme_key_facts", n=len(index.mentioning("theme", theme.slug, view.until))))
        st.caption(t(lang, "theme_on_map"))
    elif view.q:
        st.subheader(t(lang, "search_results", q=inert(view.q)), anchor=False)


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
    if excerpts is None:
        render_overview(view, index)
        return
    render_heading(view, index)
    if view.until is not None:
        st.caption(t(view.lang, "as_of", year=view.until))
    if view.theme and (view.place or view.country):
        st.caption(t(view.lang, "theme_filtered", theme=index.themes[view.theme].label(view.lang)))
    if view.q and (view.place or view.country or view.theme):
        st.caption(t(view.lang, "search_filtered", q=inert(view.q)), unsafe_allow_html=True)
    if not excerpts and (view.place or view.country) and (view.theme or view.q):
        unfiltered = selection_excerpts(replace(view, theme=None, q=None), index) or []
        if unfiltered:
            st.info(t(view.lang, "filtered_out", n=len(unfiltered)))
            if view.theme:  # the map may still show the theme here: say where that comes from
                st.caption(t(view.lang, "theme_not_here"))
            st.button(t(view.lang, "show_all", n=len(unfiltered)), on_click=go_to,
                      args=(replace(view, theme=None, q=None),))
            if view.theme:
                about_theme = selection_excerpts(replace(view, place=None, country=None, q=None), index) or []
                st.button(t(view.lang, "show_theme", n=len(about_theme), theme=index.themes[view.theme].label(view.lang)),
                          on_click=go_to, args=(replace(view, place=None, country=None, q=None),))
            return
    if view.q and not excerpts:
        st.info(t(view.lang, "search_none", q=inert(view.q)))
        languages = sorted({a.language for a in index.corpus.articles.values()})
        if languages:  # excerpts are searched in their own language: say which ones there are
            st.caption(t(view.lang, "search_languages",
                         languages=", ".join(t(view.lang, f"lang_{code}") for code in languages)))
        return
    if view.theme and not (view.place or view.country or view.q):
        render_by_country(excerpts, view, index)
    else:
        render_excerpts(excerpts, view)
