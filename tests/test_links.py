"""A link that travels (issue 14): each page's HTML and picture fetched as a link unfurler
fetches them (plain HTTP, no JavaScript) and its tags parsed; /view.json, /view.csv and
/feed.atom parsed with standard parsers (json + JSON Schema, csv, xml.etree); bad views, caching
headers that follow the corpus; the exports' links back. Against `streamlit run serve.py`, as
README starts the atlas."""

from __future__ import annotations

import csv
import io
import json
import shutil
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlencode, urlsplit
from xml.etree import ElementTree

import jsonschema
import pytest
from markdown_it import MarkdownIt
from PIL import Image

from corpus.export import COLUMNS
from present.data import ATOM, view_document
from present.exports import excerpt_files
from present.preview import page_html, view_preview
from present.selection import selection_excerpts
from present.view import View
from tests.conftest import ROOT, SEEDS, article_text, index_of
from tests.server import StreamlitServer

UNFURLER = "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"
SCHEMA = json.loads((ROOT / "docs" / "view.schema.json").read_text())
HOSTILE_TITLE = '"><script>alert(1)</script><meta property="og:title" content="pwned'
HOSTILE_BODY = "Astana <img src=x onerror=alert(2)> hosts the summit & signs the treaty, says a long sentence here."


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"User-Agent": UNFURLER, **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


class Head(HTMLParser):
    """What an unfurler reads: <html lang>, <title>, <meta> and <link rel> of the head, and every
    <script> (a preview must add none)."""

    def __init__(self, html: str):
        super().__init__()
        self.lang: str | None = None
        self.title = ""
        self.meta: dict[str, list[str]] = {}
        self.links: dict[str, str] = {}
        self.scripts: list[str] = []
        self._in_title = self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta.setdefault(attrs.get("property") or attrs["name"], []).append(attrs.get("content", ""))
        elif tag == "link" and "rel" in attrs:
            self.links[attrs["rel"]] = attrs.get("href", "")
        elif tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in_title = self._in_title and tag != "title"
        self._in_script = self._in_script and tag != "script"

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._in_script:
            self.scripts[-1] += data

    def one(self, name: str) -> str:
        values = self.meta.get(name, [])
        assert len(values) == 1, (name, values)
        return values[0]


def head_of(server, path: str, params: dict[str, str]) -> Head:
    status, headers, body = fetch(f"{server.url}{path}?{urlencode(params)}" if params else server.url + path)
    assert status == 200 and headers["content-type"].startswith("text/html")
    return Head(body.decode())


VIEWS = [  # page, parameters, the title it must unfurl with, its language
    ("/", {"place": "astana", "lang": "fr"}, "Astana — Atlas des sommets Chine–Asie centrale", "fr"),
    ("/timeline", {"country": "kaz", "theme": "trade"}, "Timeline · Kazakhstan · Smooth trade — China–Central Asia Summit Atlas", "en"),
    ("/", {"theme": "connectivity"}, "Connectivity (pipelines, roads, railways) — China–Central Asia Summit Atlas", "en"),
]


@pytest.mark.parametrize("path, params, title, lang", VIEWS)
def test_a_link_unfurls_as_its_view(atlas_server, seed_index, path, params, title, lang):
    head = head_of(atlas_server, path, params)
    assert head.title == title and head.one("og:title") == title and head.one("twitter:title") == title
    assert head.lang == lang
    view = View(**{k: (v.upper() if k == "country" else v) for k, v in params.items()})
    excerpts = selection_excerpts(view, seed_index)
    description = head.one("description")
    assert description == head.one("og:description") == head.one("twitter:description")
    # what the view holds, counted independently of the preview code
    assert str(len(excerpts)) in description.split(" ")[0]
    canonical = head.links["canonical"]
    assert head.one("og:url") == canonical and urlsplit(canonical).path == path
    assert {k: v[0] for k, v in parse_qs(urlsplit(canonical).query).items()} == view.as_params()
    assert head.one("twitter:card") == "summary_large_image" and head.one("og:type") == "website"
    assert head.one("og:image") == head.one("twitter:image")
    assert (head.one("og:image:width"), head.one("og:image:height")) == ("1200", "630")


def test_every_page_has_its_own_tags_and_the_real_page_still_loads(atlas_server):
    titles = set()
    for path in ("/", "/timeline", "/themes", "/table", "/about"):
        head = head_of(atlas_server, path, {"place": "xian"})
        assert "Xi'an" in head.title and head.title not in titles
        titles.add(head.title)
        assert head.title != "Streamlit"
    _, _, body = fetch(atlas_server.url + "/?place=xian")
    assert b'id="root"' in body and b"static/js/" in body  # Streamlit's app still boots from it
    assert fetch(atlas_server.url + "/favicon.png")[0] == 200  # the page routes did not swallow its files


def red_pixels(image: Image.Image, colour=(0xC0, 0x39, 0x2B), tolerance=30) -> int:
    return sum(1 for pixel in image.getdata() if all(abs(a - b) <= tolerance for a, b in zip(pixel, colour)))


def test_the_picture_is_the_view(atlas_server, seed_index):
    pictures = {}
    for _, params, _, _ in VIEWS:
        url = head_of(atlas_server, "/", params).one("og:image")
        status, headers, body = fetch(url)
        assert status == 200 and headers["content-type"] == "image/png" and headers.get("etag")
        image = Image.open(io.BytesIO(body)).convert("RGB")
        assert image.size == (1200, 630)
        pictures[json.dumps(params)] = image
    astana, kazakhstan, connectivity = pictures.values()
    assert len({image.tobytes() for image in pictures.values()}) == 3
    # Kazakhstan's whole border in the selection's red, far more red than Astana's ring alone
    assert red_pixels(kazakhstan) > 3 * red_pixels(astana) > 0
    # the connectivity theme's colour outlines its countries in its picture, and in no other
    colour = seed_index.themes["connectivity"].color.lstrip("#")
    theme = tuple(int(colour[i:i + 2], 16) for i in (0, 2, 4))
    assert red_pixels(connectivity, theme, 12) > 300 > 10 > red_pixels(astana, theme, 12)
    # a second fetch is the cached picture, answered 304 when the unfurler has it
    url = head_of(atlas_server, "/", VIEWS[0][1]).one("og:image")
    _, headers, _ = fetch(url)
    assert fetch(url, {"If-None-Match": headers["etag"]})[0] == 304


def test_a_bad_view_unfurls_as_the_default_view(atlas_server):
    head = head_of(atlas_server, "/", {"place": "<b>nowhere</b>"})
    assert head.title == "China–Central Asia Summit Atlas" and "nowhere" not in head.links["canonical"]


# --- a corpus of our own: a hostile article, and the ETag following the corpus ---
@pytest.fixture(scope="module")
def own_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seeds")
    for path in SEEDS.glob("*.md"):
        shutil.copy(path, folder / path.name)
    title = HOSTILE_TITLE.replace('"', '\\"')
    (folder / "hostile.md").write_text(article_text(title, HOSTILE_BODY, published="2026-01-05"))
    server = StreamlitServer(env={"ATLAS_SEEDS_DIR": str(folder), "ATLAS_TILES": "none"})
    try:
        yield server, folder
    finally:
        server.stop()


def test_article_words_in_the_tags_are_escaped(own_server):
    server, _ = own_server
    head = head_of(server, "/", {"article": "hostile", "sentence": "1"})
    assert head.title.startswith(HOSTILE_TITLE) and head.one("og:title") == head.title  # shown as typed
    assert not any("alert" in script for script in head.scripts)  # nothing of it runs
    assert head.meta["og:title"] == [head.title]  # no second og:title smuggled in
    assert "<img" in head.one("description") and "alert(2)" in head.one("description")  # text, not markup


def test_the_etag_changes_when_the_corpus_does(own_server):
    server, folder = own_server
    url = f"{server.url}/view.json?place=astana"
    _, first, body = fetch(url)
    assert first["cache-control"].startswith("public") and first["etag"]
    assert fetch(url, {"If-None-Match": first["etag"]})[0] == 304
    count = json.loads(body)["count"]
    (folder / "added.md").write_text(article_text("Added", "Astana hosted another meeting of the six ministers."))
    try:
        status, second, body = fetch(url, {"If-None-Match": first["etag"]})
        assert status == 200 and second["etag"] != first["etag"]
        assert json.loads(body)["count"] == count + 1
    finally:
        (folder / "added.md").unlink()


# --- every view as data ---
DATA_VIEWS = [{"place": "astana"}, {"country": "KAZ", "theme": "trade"}, {"theme": "connectivity", "lang": "fr"},
              {"q": "gaz"}, {}, {"article": "002_a5791866ed85a95e", "sentence": "4", "country": "kaz"}]


@pytest.mark.parametrize("params", DATA_VIEWS)
def test_view_json_follows_its_schema_and_the_panel(atlas_server, seed_index, params):
    status, headers, body = fetch(f"{atlas_server.url}/view.json?{urlencode(params)}")
    assert status == 200 and headers["content-type"] == "application/json"
    document = json.loads(body)
    jsonschema.validate(document, SCHEMA)
    view = View(**{k: (v.upper() if k == "country" else int(v) if k == "sentence" else v) for k, v in params.items()})
    expected = selection_excerpts(View(**{**view.__dict__, "article": None}), seed_index) or []
    assert [(e["article"]["id"], e["sentence"]) for e in document["excerpts"]] == \
        [(e.article.id, e.sentence.number + 1) for e in expected]
    for excerpt in document["excerpts"]:  # each excerpt's own link reopens the view at its sentence
        query = {k: v[0] for k, v in parse_qs(urlsplit(excerpt["link"]).query).items()}
        assert query["article"] == excerpt["article"]["id"] and query["sentence"] == str(excerpt["sentence"])
    assert document["view"] == view.as_params()


def test_view_csv_is_the_download(atlas_server, seed_index):
    status, headers, body = fetch(f"{atlas_server.url}/view.csv?place=astana&lang=fr")
    assert status == 200 and headers["content-type"].startswith("text/csv")
    view = View(place="astana", lang="fr")
    excerpts = selection_excerpts(view, seed_index)
    csv_file, _ = excerpt_files(view, seed_index, excerpts, atlas_server.url + "/")
    assert body.decode("utf-8") == csv_file()
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert list(rows[0]) == list(COLUMNS) and len(rows) == len(excerpts) > 0


def test_feed_atom_newest_article_first(atlas_server, seed_index):
    status, headers, body = fetch(f"{atlas_server.url}/feed.atom?country=KAZ")
    assert status == 200 and headers["content-type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(body)
    ns = {"a": ATOM}
    assert feed.tag == f"{{{ATOM}}}feed" and feed.find("a:title", ns).text.startswith("Kazakhstan")
    entries = feed.findall("a:entry", ns)
    updated = [entry.find("a:updated", ns).text for entry in entries]
    assert entries and updated == sorted(updated, reverse=True)
    assert len(entries) == len(selection_excerpts(View(country="KAZ"), seed_index))
    ids = [entry.find("a:id", ns).text for entry in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith(atlas_server.url) for i in ids)
    self_link = [link for link in feed.findall("a:link", ns) if link.get("rel") == "self"]
    assert self_link and self_link[0].get("href").endswith("/feed.atom?country=KAZ")


@pytest.mark.parametrize("route", ["view.json", "view.csv", "feed.atom", "preview.png"])
@pytest.mark.parametrize("query, param", [("place=nowhere", "place"), ("country=FRA", "country"),
                                          ("theme=trade&until=1066", "until"), ("lang=de", "lang"),
                                          ("county=KAZ", "county"), ("article=nope", "article")])
def test_a_bad_view_answers_400_naming_the_parameter(atlas_server, route, query, param):
    status, headers, body = fetch(f"{atlas_server.url}/{route}?{query}")
    assert status == 400 and headers["content-type"] == "application/json"
    error = json.loads(body)
    assert error["error"] == "bad_parameter" and error["parameter"] == param and error["message"]


# --- in-process: the head tags escape what they carry; the exports carry their links ---
def test_head_tags_escape_a_hostile_title(tmp_path):
    (tmp_path / "hostile.md").write_text(article_text(HOSTILE_TITLE.replace('"', '\\"'), HOSTILE_BODY))
    index = index_of(tmp_path)
    template = '<!DOCTYPE html><html lang="en"><head><title>Streamlit</title></head><body></body></html>'
    head = Head(page_html(template, view_preview(View(article="hostile"), index, "https://atlas.example")))
    assert head.title.startswith(HOSTILE_TITLE) and head.scripts == [] and len(head.meta["og:title"]) == 1


def test_the_markdown_export_links_back_without_amp(seed_index):
    view = View(country="KAZ", theme="trade", lang="fr")
    excerpts = selection_excerpts(view, seed_index)
    _, markdown_file = excerpt_files(view, seed_index, excerpts, "https://atlas.example/")
    markdown = markdown_file()
    assert "&amp;" not in markdown
    assert "<https://atlas.example/?country=KAZ&theme=trade&lang=fr>" in markdown
    html = MarkdownIt("commonmark").render(markdown)
    hrefs = [part.split('"', 1)[0] for part in html.split('href="')[1:]]
    # rendered, the view's link and each excerpt's own link are real links to the view
    assert "https://atlas.example/?country=KAZ&amp;theme=trade&amp;lang=fr" in hrefs
    own = [h for h in hrefs if "sentence=" in h]
    assert len(own) == len(excerpts) > 0


def test_the_json_document_needs_no_server(seed_index):
    document = view_document(View(place="xian"), seed_index, "https://atlas.example/")
    jsonschema.validate(document, SCHEMA)
    assert document["selection"]["facts"]["place"]["summit"]["dates"].startswith("2023-05-18")
