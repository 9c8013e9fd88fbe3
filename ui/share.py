"""Links that reopen a view: the absolute address of the current view, and of one excerpt."""

from __future__ import annotations

from html import escape
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


# A read-only field and a copy button. Not st.code: its copy button comes with Streamlit's syntax
# highlighter, 1.5 MB of script for every reader on opening the page. The handler reads the
# field, so no address is ever written into script.
COPY_FIELD = """<div class="atlas-copy" style="display:flex;gap:.4rem;align-items:center">
<input type="text" readonly value="{url}" aria-label="{label}"
 style="flex:1;min-width:0;font:13px/1.6 'Source Code Pro',monospace;padding:.35rem .5rem;border:1px solid #c9ced6;
 border-radius:.4rem;background:#f7f8fa;color:#1f2d3a">
<button type="button" data-copied="{copied}" style="padding:.35rem .7rem;border:1px solid #c9ced6;border-radius:.4rem;
 background:#fff;color:#1f2d3a;cursor:pointer">{copy}</button></div>
<script>
document.querySelectorAll(".atlas-copy button:not([data-bound])").forEach((button) => {{
  button.dataset.bound = "1";
  const field = button.previousElementSibling;
  field.addEventListener("focus", () => field.select());
  button.addEventListener("click", () => {{
    const done = () => {{ button.textContent = button.dataset.copied; }};
    navigator.clipboard.writeText(field.value).then(done, () => {{ field.select(); document.execCommand("copy"); done(); }});
  }});
}});
</script>"""


def copy_field(url: str, lang: str, label: str) -> None:
    st.html(COPY_FIELD.format(url=escape(url), label=escape(label), copy=escape(t(lang, "copy")),
                              copied=escape(t(lang, "copied"))), unsafe_allow_javascript=True)


def share_box(view: View) -> None:
    """The current view's address, to copy."""
    st.caption(t(view.lang, "share_link"))
    copy_field(view_link(view), view.lang, t(view.lang, "share_link"))
