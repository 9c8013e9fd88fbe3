"""Addresses that reopen a view: a view's link from a page address, and the parameters that
reopen a selection. Plain Python: the page's address comes in as a string."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode, urlsplit, urlunsplit

from present.view import View

# Community Cloud serves the app itself from this path inside its own page; the outer address
# (without it) is the one to share.
CLOUD_FRAME_PATH = "/~/+"


def shared_address(url: str | None) -> str | None:
    """A page's address as the reader should share it: without query, fragment or the Cloud
    frame path; None when there is no address (no browser)."""
    if not url:
        return None
    scheme, netloc, path, _, _ = urlsplit(url)
    if path.startswith(CLOUD_FRAME_PATH):
        path = path[len(CLOUD_FRAME_PATH):]
    return urlunsplit((scheme, netloc, path or "/", "", ""))


def view_link(view: View, base: str | None) -> str:
    """The view's address: absolute when the page's address is known, else relative (`?place=…`).
    Streamlit's own `embed` parameters are left out: the link opens the whole atlas."""
    query = urlencode(view.as_params())
    if not base:
        return f"?{query}" if query else "./"
    return f"{base}?{query}" if query else base


def selection_params(view: View) -> str:
    """The link parameters that reopen the selection (not the language, not an open article)."""
    return urlencode(replace(view, article=None, lang="en").as_params())
