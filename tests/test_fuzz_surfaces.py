"""Fuzzing the surfaces a link reaches (issue 15): the link parser and the link builder, the
map's own address parser (geo/map_address.js, run in node), and over real HTTP the data routes,
the picture and the pages' previews with hostile query strings and a hostile article. Hypothesis
mixes valid slugs in any case with Unicode, control characters, direction overrides, overlong
strings, repeated parameters, markup, quotes and percent-encodings (valid and not).

One server for the HTTP examples (a copy of the seeds with a hostile article); example counts
keep the file well under a minute on two busy cores. The baseUrlPath server is in
tests/test_base_path.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, parse_qsl, quote, quote_plus, unquote, urlencode, urlsplit
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from corpus.people import load_people
from present.data import IGNORED, data_view
from present.links import view_link
from present.strings import LANGUAGES
from present.view import PARAMS, View, view_from_params
from tests.conftest import ROOT, SEEDS, article_text, index_of
from tests.server import StreamlitServer
from tests.test_js import node
from tests.test_links import Head, fetch

try:  # the stricter parser, when installed (it refuses entity tricks xml.etree allows)
    from defusedxml.ElementTree import fromstring as parse_xml
except ImportError:
    parse_xml = ElementTree.fromstring

SETTINGS = dict(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow,
                                                                     HealthCheck.function_scoped_fixture])
HOSTILE_TITLE = '\u202eevil" \'quoted\' <script>alert(1)</script> & > done'
HOSTILE_SOURCE = '"><script>alert(2)</script>\u202e'
HOSTILE_BODY = ("Astana <script>alert(3)</script> hosts the \u202eministers\u202c & signs \"it\" 'now' > then, "
                "says a sentence long enough to be an excerpt of its own.")

INDEX = index_of(SEEDS)
KNOWN = {
    "country": list(INDEX.gazetteer.countries),
    "place": list(INDEX.gazetteer.places),
    "person": list(load_people()),
    "theme": list(INDEX.themes),
    "article": list(INDEX.corpus.articles),
    "lang": sorted(LANGUAGES),
    "until": [str(year) for year in range(1992, date.today().year + 1)],
    "layers": list(INDEX.themes),
}

# --- strategies ---
MARKUP = ["<script>alert(1)</script>", '"><script>', "'", '"', ">", "&", "&amp;", "\u202e", "\u2066", "\u200f",
          "\x00", "\x01", "\x0b", "\r\n", "\t", "\ufeff", "%", "%25", "%zz", "%ff", "%00", "../", "javascript:",
          "=", "&x=", "#map=5/40/80", "+", "１", "ǅ", "İ", "ß", "\U0001f600", "e3", "NaN", "Infinity", "-0"]
junk = st.one_of(st.sampled_from(MARKUP), st.text(st.characters(codec="utf-8"), max_size=12))
overlong = st.builds(lambda chunk, times: chunk * times, st.text(st.characters(codec="utf-8"), min_size=1, max_size=3),
                     st.integers(61, 2500))


def any_case(value: str) -> st.SearchStrategy[str]:
    return st.lists(st.booleans(), min_size=len(value), max_size=len(value)).map(
        lambda ups: "".join(c.upper() if up else c.lower() for c, up in zip(value, ups)))


def hostile(param: str) -> st.SearchStrategy[str]:
    """Anything a link could carry for `param`: its known values in any case and padded, inside
    junk or cut, markup, control characters, direction overrides, overlong strings."""
    known = st.sampled_from(KNOWN.get(param, ["1", "12", "astana"]))
    return st.one_of(
        known, known.flatmap(any_case), st.tuples(junk, known, junk).map("".join),
        known.map(lambda value: f"  {value}\t"), known.map(lambda value: value[:-1]),
        st.lists(junk, max_size=4).map("".join), overlong)


NAMES = st.sampled_from([*PARAMS, "layers", "embed", "Place", "PLACE", "x", "", "place ", "utm_source"])
# (name, value) pairs in order, a name often repeated
pairs = st.lists(NAMES.flatmap(lambda name: st.tuples(st.just(name), hostile(name.strip().lower()))),
                 max_size=5)


# --- the link parser and the link builder ---
@settings(max_examples=300, **SETTINGS)
@given(pairs)
@example([("person", "XI-JINPING"), ("person", "<script>")])
@example([("layers", "constructor,__proto__"), ("until", "２０２４"), ("sentence", "１")])
def test_the_link_parser_never_raises_and_names_each_value_it_refuses(link):
    params: dict[str, list[str]] = {}
    for name, value in link:
        params.setdefault(name, []).append(value)
    view, rejected = view_from_params(params, INDEX)
    assert {r.param for r in rejected} <= set(PARAMS) and all(len(r.value) <= 60 for r in rejected)
    for r in rejected:  # each refused value is the one the link gave (its first), echoed short
        assert params[r.param][0].strip().startswith(r.value.removesuffix("…"))
    if rejected:  # the default view, in the language asked for if that was good
        assert view == View(lang=view.lang)
    for name, values in params.items():  # every parameter that was asked for is read, or refused
        if name in PARAMS and values[0].strip() and name not in {r.param for r in rejected} and not rejected:
            assert getattr(view, name) is not None or name in ("country", "place")  # a finer selection won
    _, bad = data_view(params, INDEX)
    if bad is not None:
        assert bad.param in params and bad.param in bad.message or bad.param not in PARAMS


@settings(max_examples=200, **SETTINGS)
@given(st.sampled_from([*PARAMS]).flatmap(lambda param: st.tuples(st.just(param), hostile(param))))
@example(("person", "Xi-Jinping"))
@example(("person", "xi--jinping"))
@example(("until", "1991"))
@example(("article", "002_A5791866ED85A95E"))
def test_one_parameter_is_read_or_refused_by_name_and_the_view_falls_back(case):
    param, value = case
    view, rejected = view_from_params({param: [value]}, INDEX)
    if rejected:
        assert [r.param for r in rejected] == [param] and view == View(lang=view.lang)
        assert view.lang == "en" or param != "lang"
    elif value.strip():
        assert getattr(view, param) is not None
    else:
        assert view == View()


# Views that are valid: known values, any case, a search with anything in it a link can carry.
searches = st.text(st.characters(codec="utf-8"), min_size=1, max_size=200).filter(lambda q: q == q.strip() and q)
valid_links = st.fixed_dictionaries({}, optional={
    **{name: st.sampled_from(KNOWN[name]).flatmap(any_case) for name in ("country", "place", "theme", "article", "lang")},
    "person": st.sampled_from(KNOWN["person"]),
    "until": st.sampled_from(KNOWN["until"]),
    "q": st.one_of(searches, st.tuples(junk, searches, junk).map(lambda p: "".join(p).strip()).filter(bool)),
    "sentence": st.integers(1, 3).map(str)})


@settings(max_examples=300, **SETTINGS)
@given(valid_links)
@example({"q": "a&b=c#map=1/2/3 %zz + <script>"})
@example({"q": "\u202e\x00\x7f\ufeff"})
def test_a_valid_view_round_trips_through_its_link(link):
    view, rejected = view_from_params({name: [value] for name, value in link.items()}, INDEX)
    if rejected:  # a sentence the drawn article lacks, or a person no article names
        assert {r.param for r in rejected} <= {"sentence", "person", "q"}
        return
    address = view_link(view, "https://atlas.example/timeline")
    assert urlsplit(address).path == "/timeline"
    again, rejected = view_from_params(parse_qs(urlsplit(address).query), INDEX)
    assert not rejected and again == view
    assert view_link(again, None) == view_link(view, None)


# --- the map's address, as the map's own script reads it (node) ---
NODE_RUNNER = """
const fs = require("fs"), readline = require("readline");
eval(fs.readFileSync(process.argv[1], "utf8") + "\\nglobalThis.fns = {atlasParseMapView, atlasAskedLayers, atlasAddressNotice};");
readline.createInterface({input: process.stdin}).on("line", (line) => {
  const [name, args] = JSON.parse(line);
  let answer;
  try { answer = {value: globalThis.fns[name](...args)}; } catch (error) { answer = {threw: String(error)}; }
  process.stdout.write(JSON.stringify(answer) + "\\n");
});
"""


@pytest.fixture(scope="module")
def map_script():
    """One node process running geo/map_address.js's pure functions, asked one line at a time."""
    process = subprocess.Popen([node(), "-e", NODE_RUNNER, str(ROOT / "geo" / "map_address.js")],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")

    def call(name: str, *args):
        process.stdin.write(json.dumps([name, args]) + "\n")
        process.stdin.flush()
        answer = json.loads(process.stdout.readline())
        assert "threw" not in answer, answer
        return answer["value"]
    try:
        yield call
    finally:
        process.stdin.close()
        process.wait(timeout=10)


# What JavaScript's String.prototype.trim() removes (ECMAScript WhiteSpace and LineTerminator).
JS_SPACE = "\t\n\v\f\r \u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200b))) + "\u2028\u2029\u202f\u205f\u3000\ufeff"


def reference_view(text: str) -> dict | None:
    """What #map= should accept: three plain decimals (no exponent, NaN, Infinity, sign but a
    leading minus), zoom 1 to 12, latitude within ±85, longitude within ±180."""
    try:
        parts = unquote(text, errors="strict").split("/")
    except UnicodeDecodeError:
        return None
    if len(parts) != 3 or not all(re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", part) for part in parts):
        return None
    zoom, lat, lon = (float(part) for part in parts)
    if not (1 <= zoom <= 12 and abs(lat) <= 85 and abs(lon) <= 180):
        return None
    return {"zoom": zoom, "lat": lat, "lon": lon}


numbers = st.one_of(st.floats(-400, 400, allow_nan=False).map(lambda x: f"{x:.4f}"), st.integers(-200, 200).map(str),
                    st.sampled_from(["NaN", "Infinity", "-Infinity", "1e1", "1E1", "5e-1", "0x5", "+5", " 5", "5.",
                                     ".5", "１", "٥", "", "-", "5..1", "%35", "1" * 400]))
map_values = st.one_of(
    st.lists(numbers, min_size=1, max_size=4).map(lambda parts: "/".join(parts)),
    st.lists(numbers, min_size=3, max_size=3).map(lambda parts: quote("/".join(parts), safe="")),
    st.tuples(st.lists(numbers, min_size=3, max_size=3).map("/".join), junk).map("".join),
    st.text(max_size=30), overlong)


@settings(max_examples=300, **SETTINGS)
@given(map_values)
@example("%")  # decodeURIComponent threw: the script stopped before writing the address
@example("%E0%A4%A")
@example("5/40/80")
@example("5%2F40%2F80")
@example("12/85/-180")
@example("0.99/0/0")
@example("12.01/0/0")
@example("5/85.0001/0")
@example("NaN/40/80")
@example("Infinity/40/80")
@example("1e1/40/80")
def test_the_map_address_is_three_decimals_within_the_world(map_script, text):
    assert map_script("atlasParseMapView", text, 1, 12) == reference_view(text)


@settings(max_examples=150, **SETTINGS)
@given(st.lists(st.one_of(hostile("layers"), st.sampled_from(["constructor", "__proto__", "toString", "hasOwnProperty",
                                                              "valueOf", " Trade "])), max_size=5).map(",".join))
@example("constructor")  # a plain object's own property: Leaflet threw adding it as a layer
@example("__proto__,trade")
@example("\x0btrade\ufeff")  # JavaScript's trim() takes the byte-order mark for a space; Python's strip() does not
def test_only_the_maps_own_layers_are_ticked(map_script, asked):
    slugs = KNOWN["layers"]
    answer = map_script("atlasAskedLayers", asked, slugs)
    assert set(answer["known"]) <= set(slugs) and all(answer["unknown"])
    expected = [part.strip(JS_SPACE).lower() for part in asked.split(",") if part.strip(JS_SPACE).lower() in slugs]
    assert answer["known"] == expected


@settings(max_examples=150, **SETTINGS)
@given(st.one_of(junk, overlong, st.sampled_from(["$&", "$'", "$`", "$$", "$1"]).flatmap(
    lambda pattern: junk.map(lambda text: pattern + text))))
@example("$'")  # a replacement pattern: String.replace put the rest of the message in its place
@example("\U0001f600" * 61)  # cut between the halves of a character
def test_the_maps_notice_shows_the_value_as_typed_and_short(map_script, value):
    template = "The link's map position {value} cannot be used."
    shown = value if len(value) <= 60 else value[:59] + "…"
    assert map_script("atlasAddressNotice", template, value) == template.replace("{value}", shown, 1)


# --- over HTTP: one server, the seeds and a hostile article ---
@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seeds")
    for path in SEEDS.glob("*.md"):
        shutil.copy(path, folder / path.name)
    title, source = (text.replace("\\", "\\\\").replace('"', '\\"') for text in (HOSTILE_TITLE, HOSTILE_SOURCE))
    (folder / "hostile.md").write_text(article_text(title, HOSTILE_BODY, published="2026-01-05",
                                                    extra=f'source: "{source}"\n'), encoding="utf-8")
    server = StreamlitServer(env={"ATLAS_SEEDS_DIR": str(folder), "ATLAS_TILES": "none"})
    try:
        yield server, folder
    finally:
        server.stop()


DATA_ROUTES = ["/view.json", "/view.csv", "/feed.atom", "/preview.png"]
PAGES = ["/", "/timeline", "/summits", "/about"]


def encoded(value: str, how: str) -> str:
    if how == "quote":
        return quote(value, safe="")
    if how == "plus":
        return quote_plus(value)
    return "".join(f"%{byte:02X}" for byte in value.encode("utf-8", "surrogatepass"))


raw_bytes = st.binary(max_size=6).map(lambda data: "".join(f"%{b:02X}" for b in data))  # not always UTF-8
query_strings = st.one_of(
    st.lists(st.tuples(NAMES.flatmap(lambda name: st.tuples(st.just(name), hostile(name.strip().lower()))),
                       st.sampled_from(["quote", "plus", "bytes"])), max_size=4).map(
        lambda items: "&".join(f"{quote(name, safe='')}={encoded(value, how)}" for (name, value), how in items)),
    st.tuples(NAMES, raw_bytes).map(lambda p: f"{quote(p[0], safe='')}={p[1]}"),
    st.sampled_from(["%", "&&", "=", "place", "place=%", "q=%zz", "q=%0d%0aX-Injected:%201", "%ff=1"]))


def assert_no_leak(body: bytes, folder: Path) -> None:
    text = body.decode("utf-8", "replace")
    for leak in ("Traceback", str(ROOT), str(folder), 'File "', "site-packages"):
        assert leak not in text, (leak, text[:300])


def assert_parses(route: str, body: bytes) -> None:
    if route == "/view.json":
        document = json.loads(body)
        assert document["schema"] == 1
    elif route == "/view.csv":
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
        assert rows and all(len(row) == len(rows[0]) for row in rows)
    elif route == "/feed.atom":
        assert parse_xml(body).tag == "{http://www.w3.org/2005/Atom}feed"
    else:
        assert body.startswith(b"\x89PNG\r\n\x1a\n")


def assert_head_is_the_atlas_own(body: bytes, baseline: Head, url: str, path: str) -> Head:
    """The preview holds the same tags as any other view's, once each, and no script of its own."""
    head = Head(body.decode("utf-8"))
    assert sorted(head.meta) == sorted(baseline.meta) and all(len(v) == 1 for v in head.meta.values()), head.meta
    assert head.scripts == baseline.scripts and body.lower().count(b"<script") == len(baseline.scripts)
    assert head.lang in LANGUAGES
    assert head.links["canonical"].startswith(url + path) and head.one("og:url") == head.links["canonical"]
    assert head.one("og:image").startswith(url + "/preview.png")
    return head


@pytest.fixture(scope="module")
def baseline(hostile_server) -> Head:
    server, _ = hostile_server
    status, _, body = fetch(server.url + "/")
    assert status == 200
    return Head(body.decode("utf-8"))


@settings(max_examples=60, **SETTINGS)
@given(st.sampled_from([*DATA_ROUTES, *PAGES]), query_strings)
@example("/preview.png", "q=astana%0d%0aX-Injected:%201")  # a line break in the caption: Pillow raised, 500
@example("/feed.atom", "q=gaz%01%0B")  # characters XML 1.0 cannot hold, in the feed's title
@example("/", "q=%E2%80%AE%22%3E%3Cscript%3Ealert(1)%3C/script%3E")
@example("/view.json", "layers=%ff&embed=%3Cscript%3E&place=ASTANA&place=nowhere")
def test_a_hostile_query_is_answered_without_a_server_error(hostile_server, baseline, route, query):
    server, folder = hostile_server
    status, headers, body = fetch(f"{server.url}{route}?{query}")
    assert 200 <= status < 500, (status, body[:500])
    if route != "/preview.png" or status != 200:
        assert_no_leak(body, folder)
    names = {name for name, _ in parse_qsl(query, keep_blank_values=True)}  # as the server reads them
    if status >= 400:
        assert route in DATA_ROUTES and headers["content-type"] == "application/json"
        error = json.loads(body)
        assert error["error"] == "bad_parameter" and error["parameter"] in names, (error, names)
        assert error["parameter"] in error["message"] or error["parameter"] not in PARAMS
        assert error["parameter"] in PARAMS or error["parameter"] not in IGNORED
    elif route in DATA_ROUTES:
        assert_parses(route, body)
    else:
        assert headers["content-type"].startswith("text/html")
        assert_head_is_the_atlas_own(body, baseline, server.url, route)


@settings(max_examples=30, **SETTINGS)
@given(valid_links)
def test_a_valid_views_data_says_the_view_back(hostile_server, link):
    server, _ = hostile_server
    view, rejected = view_from_params({name: [value] for name, value in link.items()}, INDEX)
    if rejected:
        return
    status, _, body = fetch(f"{server.url}/view.json?{urlencode(link)}")
    assert status == 200, body[:300]
    assert json.loads(body)["view"] == view.as_params()


# --- a hostile article's words in the previews and the data ---
def test_a_hostile_article_is_text_in_the_preview_tags(hostile_server, baseline):
    server, _ = hostile_server
    for params in ({"article": "hostile", "sentence": "1"}, {"place": "astana", "q": HOSTILE_TITLE}):
        status, _, body = fetch(f"{server.url}/?{urlencode(params)}")
        assert status == 200
        head = assert_head_is_the_atlas_own(body, baseline, server.url, "/")
        assert b"<script>alert" not in body and b"\xe2\x80\xae" not in body  # escaped; U+202E shown, not obeyed
        assert "[U+202E]evil\" 'quoted' <script>alert(1)</script> & > done" in head.title
        assert head.one("og:title") == head.title == head.one("twitter:title")
    head = Head(fetch(f"{server.url}/?article=hostile")[2].decode())
    assert "<script>alert(3)</script>" in head.one("description")  # the body's words, as typed


def test_a_hostile_article_is_data_in_the_json_feed_and_csv(hostile_server):
    server, _ = hostile_server
    document = json.loads(fetch(f"{server.url}/view.json?article=hostile&place=astana")[2])
    assert document["article"]["title"] == HOSTILE_TITLE and document["article"]["source"] == HOSTILE_SOURCE
    assert any(e["article"]["id"] == "hostile" and "<script>alert(3)</script>" in e["text"]
               for e in document["excerpts"])
    status, _, body = fetch(f"{server.url}/feed.atom?place=astana")
    assert status == 200 and b"<script>" not in body
    ns = {"a": "http://www.w3.org/2005/Atom"}
    first = parse_xml(body).find("a:entry", ns)  # newest article first: the hostile one
    assert first.find("a:title", ns).text == HOSTILE_TITLE
    assert first.find("a:author/a:name", ns).text == HOSTILE_SOURCE
    assert "<script>alert(3)</script>" in first.find("a:content", ns).text
    rows = list(csv.DictReader(io.StringIO(fetch(f"{server.url}/view.csv?place=astana")[2].decode("utf-8-sig"))))
    assert any(HOSTILE_TITLE in row.values() for row in rows)
