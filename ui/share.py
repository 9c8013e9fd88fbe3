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
