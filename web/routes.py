"""The atlas's own HTTP routes, served by Streamlit's ASGI app (serve.py) before its own:
each page's HTML with the view's title, description, Open Graph tags and picture (what a link
unfurler reads: it runs no JavaScript), the picture itself, and every view as data
(/view.json, /view.csv, /feed.atom).

Starlette only, no Streamlit script state: the views, selections, words and files all come
from `present/`, as on the page. Handlers are plain functions: Starlette runs them in its
thread pool, off the event loop that carries the readers' websockets."""

from __future__ import annotations

import hashlib
import json
import threading
from functools import lru_cache
from pathlib import Path

from starlette.requests import Request
from streamlit import config
from streamlit.file_util import get_static_dir
from streamlit.url_util import make_url_path
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from corpus.articles import article_stats, stats_signature
from corpus.build import load_index, update_store
from corpus.excerpts import CorpusIndex
from corpus.store import CorpusStore, StoreBusy
from geo.countries import Shapes, load_shapes
from geo.picture import view_picture
from present.data import data_view, view_csv, view_document, view_feed
from present.preview import (PAGE_TITLES, PICTURE_PATH, page_html, picture_spec, picture_view, plain_preview,
                             view_preview)
from present.strings import asked_language
from present.settings import seeds_dir
from present.view import PARAMS, View, view_from_params

ROOT = Path(__file__).resolve().parent.parent
# The code that shapes every answer: a new version of it is a new ETag, like a new corpus.
CODE_DIRS = ("corpus", "geo", "present", "web")
DATA_CACHE = "public, max-age=60"  # then revalidated with the ETag (a 304 costs nothing)
PICTURE_CACHE = "public, max-age=86400"
PICTURES = 256  # views whose picture is kept in memory (about 60 KB each)
LARGE_READ = 20  # new files a page request leaves to the page itself (ui/data.py's PROGRESS_FROM)


@lru_cache(maxsize=1)
def code_version() -> str:
    digest = hashlib.sha1()
    for folder in CODE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


class _Current:
    """The corpus index as the folder is now, rebuilt when an article file changes."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.signature: str | None = None
        self.index: CorpusIndex | None = None

    def get(self, wait: bool = True) -> tuple[str, CorpusIndex] | None:
        """The signature of the folder and its index. `wait=False`: None rather than read many
        new files here (a page's own first run reads them, with a progress bar for its reader)."""
        folder = seeds_dir()
        signature = stats_signature(article_stats(folder))
        if not wait and (signature != self.signature or self.index is None):
            store = CorpusStore(folder)
            try:
                if store.pending() >= LARGE_READ:
                    return None
            finally:
                store.close()
        with self.lock:
            if signature != self.signature or self.index is None:
                update_store(folder).close()
                self.index, self.signature = load_index(CorpusStore(folder)), signature
            return signature, self.index


_current = _Current()


@lru_cache(maxsize=1)
def _shapes() -> Shapes:
    return load_shapes()


@lru_cache(maxsize=1)
def _page_template() -> str:
    """Streamlit's own page, as it would serve it."""
    return (Path(get_static_dir()) / "index.html").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def picture_font() -> str | None:
    """Source Sans 3, the page's own font, from Streamlit's package (its file name carries a
    hash): Latin, Cyrillic and typographic dashes, with nothing to download or vendor."""
    found = sorted((Path(get_static_dir()) / "static" / "media").glob("SourceSansVF-Upright*"))
    return str(found[0]) if found else None


def _params(request: Request) -> dict[str, list[str]]:
    query = request.query_params
    return {name: query.getlist(name) for name in query.keys()}


def base_path() -> str:
    """Streamlit's server.baseUrlPath as a path prefix: "/atlas", or "" at the host's root. The
    atlas's routes are served under it, like Streamlit's own, and its addresses carry it."""
    return make_url_path(config.get_option("server.baseUrlPath") or "", "").rstrip("/")


def _origin(request: Request) -> str:
    """The atlas's own address: scheme, host and base path ("https://host/atlas")."""
    return str(request.base_url).rstrip("/") + base_path()


def _page_path(request: Request) -> str:
    """The page's path inside the atlas ("/timeline"), without the base path."""
    return request.url.path.removeprefix(base_path()) or "/"


def _etag(signature: str, request: Request) -> str:
    key = "\n".join([code_version(), signature, request.url.path, str(sorted(_params(request).items()))])
    return '"' + hashlib.sha1(key.encode()).hexdigest()[:20] + '"'


def _cached(request: Request, signature: str, body, media_type: str, cache: str = DATA_CACHE) -> Response:
    """`body()` with Cache-Control and an ETag of the corpus and the code; 304 when the client has it."""
    etag = _etag(signature, request)
    headers = {"Cache-Control": cache, "ETag": etag}
    if etag in [tag.strip() for tag in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    return Response(body(), media_type=media_type, headers=headers)


def _busy() -> JSONResponse:
    return JSONResponse({"error": "indexing", "message": "The articles are being indexed; try again shortly."},
                        status_code=503, headers={"Retry-After": "5"})


def _requested_view(request: Request) -> tuple[str, CorpusIndex, View] | Response:
    """The index and the view a data request asks for, or the answer that refuses it (503 while
    the articles are read, 400 naming a bad parameter)."""
    try:
        signature, index = _current.get()
    except StoreBusy:
        return _busy()
    view, bad = data_view(_params(request), index)
    if bad is not None:
        return JSONResponse(bad.as_json(), status_code=400, headers={"Cache-Control": "no-store"})
    return signature, index, view


def _data_route(make, media_type: str):
    def handle(request: Request) -> Response:
        asked = _requested_view(request)
        if isinstance(asked, Response):
            return asked
        signature, index, view = asked
        page = _origin(request) + "/"
        return _cached(request, signature, lambda: make(view, index, page, str(request.url)), media_type)
    return handle


def view_json(view: View, index: CorpusIndex, page: str, url: str) -> str:
    return json.dumps(view_document(view, index, page), ensure_ascii=False, indent=1)


def view_csv_file(view: View, index: CorpusIndex, page: str, url: str) -> str:
    return view_csv(view, index, page)


def feed(view: View, index: CorpusIndex, page: str, url: str) -> str:
    return view_feed(view, index, page, url)


def _page_view(request: Request, index: CorpusIndex) -> View:
    """The page's view; a bad value falls back as the page itself does (which then says why)."""
    params = _params(request)
    return view_from_params({name: params[name] for name in params if name in PARAMS}, index)[0]


def page(request: Request) -> Response:
    try:
        current = _current.get(wait=False)
    except StoreBusy:
        current = None
    if current is None:  # the articles are being read: the page's own run says how far it is
        lang = asked_language(request.query_params.get("lang"))
        preview = plain_preview(lang, _origin(request), _page_path(request))
    else:
        view = _page_view(request, current[1])
        preview = view_preview(view, current[1], _origin(request), _page_path(request))
    # Like Streamlit's own page: never cached, so a new release is picked up at once.
    return Response(page_html(_page_template(), preview), media_type="text/html",
                    headers={"Cache-Control": "no-cache"})


@lru_cache(maxsize=PICTURES)
def _picture(signature: str, view: View) -> bytes:
    _, index = _current.get()
    return view_picture(_shapes(), picture_spec(view, index), picture_font())


def picture(request: Request) -> Response:
    asked = _requested_view(request)
    if isinstance(asked, Response):
        return asked
    signature, _, view = asked
    view = picture_view(view)
    return _cached(request, signature, lambda: _picture(signature, view), "image/png", PICTURE_CACHE)


def atlas_routes() -> list[Route]:
    """The pages (one route each: a catch-all would also take Streamlit's favicon), the picture
    and the data routes, under the base path (the map's page also without its last slash, as
    Streamlit serves it)."""
    base = base_path()
    pages = [make_url_path(base, path) for path in PAGE_TITLES] + ([base] if base else [])
    return [*[Route(path, page, methods=["GET", "HEAD"]) for path in pages],
            Route(base + PICTURE_PATH, picture, methods=["GET", "HEAD"]),
            Route(base + "/view.json", _data_route(view_json, "application/json"), methods=["GET", "HEAD"]),
            Route(base + "/view.csv", _data_route(view_csv_file, "text/csv; charset=utf-8"), methods=["GET", "HEAD"]),
            Route(base + "/feed.atom", _data_route(feed, "application/atom+xml; charset=utf-8"),
                  methods=["GET", "HEAD"])]
