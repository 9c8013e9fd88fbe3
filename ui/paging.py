"""Long lists drawn a part at a time: how many of a list to draw, and the "show more" button.

One session-state entry per list (not per list and view), holding the view it counts for: a
new view starts the list again, and the entries do not pile up as the reader moves around."""

from __future__ import annotations

import streamlit as st

from present.strings import t
from present.view import View

SHOWN_FIRST = 6


def _key(name: str) -> str:
    return f"shown:{name}"


def shown_count(name: str, view: View, step: int = SHOWN_FIRST) -> int:
    """How many of the list `name` to draw for `view`: `step` at first, `step` more after each
    "show more"."""
    counted_for, shown = st.session_state.get(_key(name), (None, step))
    return shown if counted_for == view else step


def more_button(name: str, view: View, shown: int, total: int, step: int = SHOWN_FIRST) -> None:
    """The "show more" button under a list of which `shown` of `total` are drawn."""
    if total > shown:
        st.button(t(view.lang, "more_excerpts", n=min(step, total - shown)), key=f"more-{name}",
                  on_click=lambda: st.session_state.__setitem__(_key(name), (view, shown + step)))
