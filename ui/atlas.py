"""Page furniture every page shares: page setup, the view from the URL, the sidebar, the warnings."""

from __future__ import annotations

import json
import os
from pathlib import Path
from dataclasses import replace
from collections.abc import Callable
from datetime import date
from typing import Any

import streamlit as st

from corpus.excerpts import CorpusIndex
from corpus.gazetteer import ReferenceDataError
from geo.tiles import Tiles
from present.markup import inert
from present.settings import tiles_setting
from present.strings import LANGUAGES, asked_language, plural, t
from present.view import FIRST_YEAR, MAX_QUERY, PARAMS, View, view_from_params
from ui.data import current_index
from ui.panel import go_to
from ui.share import share_box, view_link


def current_view(index: CorpusIndex) -> View:
    """The view the URL asks for. Unknown values are reported and dropped from the URL; the
    message stays until the reader moves on (the map's first report reruns the page at once)."""
    params = {name: st.query_params.get_all(name) for name in PARAMS if name in st.query_params}
    view, rejected = view_from_params(params, index)
    if rejected:
        messages = [t(view.lang, "bad_param", param=p.param, value=inert(p.value, html=False), hint=t(view.lang, p.hint))
                    for p in rejected]
        st.session_state["link_problems"] = (view, messages)
    kept_for, messages = st.session_state.get("link_problems", (None, []))
    if kept_for == view:
        for message in messages:
            st.warning(message, icon=":material/warning:")
    else:
        st.session_state.pop("link_problems", None)
    if params != {name: [value] for name, value in view.as_params().items()}:  # also drops repeats and blanks
        go_to(view)
    return view


def show_skipped_files(index: CorpusIndex, view: View) -> None:
    """One compact line for every reader; which files and why are on the About page."""
    if skipped := index.corpus.skipped:
        with st.container(horizontal=True, vertical_alignment="center"):
            st.warning(plural(view.lang, "skipped_files", len(skipped)), icon=":material/description:")
            st.page_link("pages/about.py", label=t(view.lang, "skipped_where"), icon=":material/info:",
                         query_params=view.as_params())


def view_widget(key: str, shown: object, chosen: Callable[[Any], View]) -> dict[str, Any]:
    """A widget that shows the view's `shown` value and, when the reader changes it, opens the view
    `chosen(new value)`: the URL stays the one source of the view. Returns the widget's key and
    on_change. (Not Streamlit's bind="query-params": it drops a value it does not know silently and
    matches case, where a link's `?theme=TRADE` must work and `?until=1800` must say why it was
    not used; `view_from_params` does both, for every page.)"""
    st.session_state[key] = shown
    return {"key": key, "on_change": lambda: go_to(chosen(st.session_state[key]))}


def controls(view: View, index: CorpusIndex) -> None:
    """Language, theme and search in one row; each writes the URL, the single source of the view."""
    lang = view.lang
    language, theme, search, clear = st.container(key="atlas-controls").columns([1.2, 2, 2, 1],
                                                                              vertical_alignment="bottom")
    with language:
        language_switch(view)
    with theme:
        st.selectbox(t(lang, "theme"), ["", *index.themes],
                     format_func=lambda slug: index.themes[slug].label(lang) if slug else t(lang, "theme_none"),
                     **view_widget("theme_choice", view.theme or "",
                                   lambda slug: replace(view, theme=slug or None, article=None)))
    with search:
        st.text_input(t(lang, "search"), help=t(lang, "search_help"), max_chars=MAX_QUERY, placeholder=t(lang, "search"),
                      **view_widget("q_choice", view.q or "",
                                    lambda q: replace(view, q=q.strip() or None, article=None)))
    with clear:
        if view.changed:
            st.button(t(lang, "clear"), on_click=go_to, args=(View(lang=lang),))
    with st.sidebar:
        st.caption(t(lang, "share"))
        st.caption(t(lang, "corpus", n=len(index.corpus.articles)))


def language_switch(view: View) -> None:
    st.radio(t(view.lang, "language"), LANGUAGES, horizontal=True,
             format_func=lambda code: {"en": "English", "fr": "Français", "ru": "Русский"}[code],
             **view_widget("lang_choice", view.lang, lambda lang: replace(view, lang=lang)))


PAGES = [  # path, label key, icon
    ("app.py", "nav_map", ":material/map:"),
    ("pages/summits.py", "nav_summits", ":material/handshake:"),
    ("pages/timeline.py", "nav_timeline", ":material/event:"),
    ("pages/themes.py", "nav_themes", ":material/bar_chart:"),
    ("pages/table.py", "nav_table", ":material/table:"),
    ("pages/about.py", "nav_about", ":material/info:"),
]


def page_links(view: View, pages=PAGES, containers=None) -> None:
    """Links to pages that carry the view along, so coming back restores it."""
    for (path, label, icon), container in zip(pages, containers or [st] * len(pages)):
        container.page_link(path, label=t(view.lang, label), icon=icon, query_params=view.as_params())


def navigation(view: View) -> None:
    page_links(view)


def tab_title(lang: str, title_key: str = "app_title") -> str:
    """The browser tab's title: the page's, then the atlas's, in the reader's language."""
    return " · ".join(dict.fromkeys([t(lang, title_key), t(lang, "app_title")]))


# Streamlit stacks columns under 640 px: there, the legend follows the panel, and the title and
# the links above the map take less of a phone's first screen.
# Captions: Streamlit fades them to 60 % opacity, 3.9:1 on white; 75 % passes WCAG AA (6:1).
CAPTION_OPACITY = 0.75
# Inside someone else's page: no sidebar and no way to open it (the heading links to the whole atlas).
EMBED_CSS = """<style>[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"] { display: none !important; }</style>"""
# On a phone the map comes near the top: a one-line title, no tagline or page links above it
# (they are in the sidebar), the controls' labels kept for screen readers only.
VISUALLY_HIDDEN = "position:absolute!important;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap"
PAGE_CSS = f"""<style>
[data-testid="stCaptionContainer"] {{ opacity: {CAPTION_OPACITY} !important; }}
@media (min-width: 641px) {{ .st-key-legend-after-panel {{ display: none; }} }}
@media (max-width: 640px) {{
  .st-key-legend-beside-panel {{ display: none; }}
  h1 {{ font-size: 1.9rem !important; }}
  [data-testid="stMainBlockContainer"]:has(.st-key-atlas-controls) {{ padding-top: 3.6rem !important; }}
  [data-testid="stMainBlockContainer"]:has(.st-key-atlas-controls) h1 {{ font-size: 1.3rem !important;
    padding: 0 0 0 1.75rem !important; line-height: 1.3 !important; }}
  .st-key-atlas-intro {{ display: none !important; }}
  .st-key-atlas-controls [data-testid="stWidgetLabel"] {{ {VISUALLY_HIDDEN} }}
  .st-key-atlas-controls [data-testid="stHorizontalBlock"] {{ gap: .5rem !important; }}
}}
</style>"""


# A file served by the app itself: a Material icon name would be fetched by every reader's browser
# from Google's font server (a third party, and blocked in some places).
PAGE_ICON = str(Path(__file__).with_name("icon.png"))


def page_start(title_key: str = "app_title", page_name: str | None = None) -> tuple[CorpusIndex, View]:
    """What every page starts with: its settings, the view from the URL, its title, the
    warnings for unreadable articles and the navigation (which keeps the view).
    `page_name`: given on every page but the map (its language switch then goes in the sidebar)."""
    asked = asked_language(st.query_params.get("lang"))
    st.set_page_config(page_title=tab_title(asked, title_key),
                       page_icon=PAGE_ICON, layout="wide",
                       initial_sidebar_state="collapsed" if page_name is None else "auto")
    st.html(PAGE_CSS + (EMBED_CSS if embedded() else ""))
    try:
        index = current_index(asked)
    except ReferenceDataError as error:  # no page can work without it: say which file, and stop
        st.error(t(asked, "data_error", error=error))
        st.stop()
    view = current_view(index)
    if embedded():  # inside someone's page: a one-line heading, and a way out to the whole atlas
        st.markdown(f"**{t(view.lang, title_key)}** · [{t(view.lang, 'embed_full')}]({view_link(view)})")
    else:
        st.title(t(view.lang, title_key), anchor=False)
    if page_name != "About":  # the About page lists them in full
        show_skipped_files(index, view)
    if page_name is not None:  # the map page draws its sidebar after the map (see page_sidebar)
        page_sidebar(view, beside_map=False)
    return index, view


def page_sidebar(view: View, beside_map: bool = True) -> None:
    """The sidebar: navigation (keeping the view), and on pages without the map the language
    switch and the view's link (the map page has them beside the map). The map page draws it
    after the map: every element sent before the map is drawn before it, and delays it."""
    with st.sidebar:
        navigation(view)
        if not beside_map:
            language_switch(view)
            share_box(view)
        page_language(view.lang)


def page_language(lang: str) -> None:
    """The page's own `lang` (Streamlit writes `<html lang="en">`), so that a screen reader reads a
    French page in French. `lang` is en, fr or ru (checked by the view), never article text."""
    st.html(f"<script>document.documentElement.lang = {json.dumps(lang)};</script>", unsafe_allow_javascript=True)


def embedded() -> bool:
    """Opened with Streamlit's ?embed=true (in an iframe on another site); False without a browser."""
    return bool(st.context.is_embedded)


def basemap(lang: str) -> Tiles | None:
    """The deployment's basemap; a setting that cannot be used is said in the page, and the
    map is drawn without tiles."""
    tiles, problem = tiles_setting()
    if problem:
        value = os.environ.get("ATLAS_TILES", "")
        shown = value if len(value) <= 80 else value[:79] + "…"
        st.warning(t(lang, "tiles_bad", value=inert(shown, html=False), reason=t(lang, problem)), icon=":material/layers_clear:")
    return tiles


def date_control(view: View) -> None:
    """A year slider: the map as of that year (summits not yet held, corridors not yet open)."""
    today = date.today().year
    st.slider(t(view.lang, "until"), FIRST_YEAR, today, help=t(view.lang, "until_help"),
              **view_widget("until_choice", view.until or today,
                            lambda year: replace(view, until=None if year >= today else year)))


def theme_legend(index: CorpusIndex, lang: str) -> None:
    """Each theme's symbol and colour, in the page (printable) rather than over the map."""
    chips = " ".join(
        f'<span style="display:inline-block;margin:2px 8px 2px 0;white-space:nowrap">'
        f'<span style="display:inline-block;min-width:20px;padding:1px 3px;border-radius:4px;background:{theme.color};'
        f'color:#fff;font-weight:700;font-size:11px;text-align:center">{inert(theme.code)}</span> '
        f'{inert(theme.label(lang))}</span>'
        for theme in index.themes.values())
    st.caption(t(lang, "theme_legend"))
    st.markdown(chips, unsafe_allow_html=True)
    st.caption(t(lang, "corridor_legend"))
