"""Links that reopen a view: the absolute address of the current view, and of one excerpt."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from ui.state import View
from ui.strings import t

# Community Cloud serves the app itself from this path inside its own page; the outer address
# (without it) is the one to share.
CLOUD_FRAME_PATH = "/~/+"


def page_address() -> str | None:
    """The address of this page in the reader's browser, without query or the Cloud frame path;
    None where there is no browser (AppTest, bare mode)."""
    url = st.context.url
    if not url:
        return None
    scheme, netloc, path, _, _ = urlsplit(url)
    if path.startswith(CLOUD_FRAME_PATH):
        path = path[len(CLOUD_FRAME_PATH):]
    return urlunsplit((scheme, netloc, path or "/", "", ""))


def view_link(view: View, base: str | None = None) -> str:
    """The view's address: absolute when the page's address is known, else relative (`?place=…`).
    Streamlit's own `embed` parameters are left out: the link opens the whole atlas."""
    query = urlencode(view.as_params())
    base = page_address() if base is None else base
    if not base:
        return f"?{query}" if query else "./"
    return f"{base}?{query}" if query else base


def excerpt_link(view: View, article_id: str, sentence_number: int) -> str:
    """The address of the view with that article open at that sentence (`Sentence.number` + 1)."""
    return view_link(replace(view, article=article_id, sentence=sentence_number + 1))


def share_box(view: View) -> None:
    """The current view's address in a code block: Streamlit gives it a copy button."""
    st.caption(t(view.lang, "share_link"))
    st.code(view_link(view), language=None, wrap_lines=True)
