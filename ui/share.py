"""Links that reopen a view: the absolute address of the current view, and of one excerpt."""

from __future__ import annotations

from html import escape

import streamlit as st

from present.links import shared_address
from present.links import view_link as present_link
from present.strings import t
from present.view import View


def page_address() -> str | None:
    """The address of this page in the reader's browser, as it is shared; None where there is no
    browser (AppTest, bare mode)."""
    return shared_address(st.context.url)


def view_link(view: View, base: str | None = None) -> str:
    """The view's address, absolute when the page's address is known (see `present.links`)."""
    return present_link(view, page_address() if base is None else base)


# A read-only field and a copy button. Not st.code: its copy button comes with Streamlit's syntax
# highlighter, 1.5 MB of script for every reader on opening the page. The handler reads the
# field, so no address is ever written into script.
COPY_FIELD = """<div class="atlas-copy" style="display:flex;gap:.4rem;align-items:center">
<input type="text" readonly value="{url}" aria-label="{label}" data-view="{view}"
 style="flex:1;min-width:0;font:13px/1.6 'Source Code Pro',monospace;padding:.35rem .5rem;border:1px solid #c9ced6;
 border-radius:.4rem;background:#f7f8fa;color:#1f2d3a">
<button type="button" data-copied="{copied}" style="padding:.35rem .7rem;border:1px solid #c9ced6;border-radius:.4rem;
 background:#fff;color:#1f2d3a;cursor:pointer">{copy}</button></div>
<script>
// The view's link follows the map's zoom, centre and layers, which the map keeps in the page's
// address without a rerun (geo/map_address.js registers window.atlasMapState).
function atlasFollowMap(field) {{
  if (!field.dataset.view || !window.atlasMapState) {{ return; }}
  const base = new URL(field.dataset.view, window.location.href);
  field.value = base.origin + window.atlasMapState(base.href);
}}
if (!window.atlasCopyFollows) {{
  window.atlasCopyFollows = true;
  window.addEventListener("atlasmapstate", () => document.querySelectorAll(".atlas-copy input").forEach(atlasFollowMap));
}}
document.querySelectorAll(".atlas-copy button:not([data-bound])").forEach((button) => {{
  button.dataset.bound = "1";
  const field = button.previousElementSibling;
  atlasFollowMap(field);
  field.addEventListener("focus", () => field.select());
  button.addEventListener("click", () => {{
    const done = () => {{ button.textContent = button.dataset.copied; }};
    navigator.clipboard.writeText(field.value).then(done, () => {{ field.select(); document.execCommand("copy"); done(); }});
  }});
}});
</script>"""


def copy_field(url: str, lang: str, label: str, follows_map: bool = False) -> None:
    """`follows_map`: the field is the view's link, which takes the map's part of the address."""
    st.html(COPY_FIELD.format(url=escape(url), label=escape(label), copy=escape(t(lang, "copy")),
                              copied=escape(t(lang, "copied")), view=escape(url) if follows_map else ""),
            unsafe_allow_javascript=True)


def share_box(view: View) -> None:
    """The current view's address, to copy."""
    st.caption(t(view.lang, "share_link"))
    copy_field(view_link(view), view.lang, t(view.lang, "share_link"), follows_map=True)


# On a phone the panel is under the map: a new selection on the map brings its heading into view
# (on a wide screen it is beside the map already). The first run only notes the selection.
PANEL_ANCHOR = """<div class="atlas-panel-anchor" data-selection="{selection}"></div>
<script>
(() => {{
  const anchor = document.querySelector(".atlas-panel-anchor");
  if (!anchor) {{ return; }}
  const last = window.atlasPanelSelection;
  window.atlasPanelSelection = anchor.dataset.selection;
  if (last === undefined || last === anchor.dataset.selection || !window.matchMedia("(max-width: 640px)").matches) {{
    return;
  }}
  const box = anchor.closest('[data-testid="stElementContainer"]') || anchor;
  box.style.scrollMarginTop = "3.75rem";  // clear of the page's fixed header
  requestAnimationFrame(() => box.scrollIntoView({{block: "start", behavior: "smooth"}}));
}})();
</script>"""


def panel_anchor(view: View) -> None:
    """The top of the panel, which a phone scrolls to when the map's selection changes."""
    selection = f"{view.place or ''}|{view.country or ''}"
    st.html(PANEL_ANCHOR.format(selection=escape(selection)), unsafe_allow_javascript=True)
