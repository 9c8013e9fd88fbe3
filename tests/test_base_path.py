"""The atlas behind a proxy's path (issue 14): started with --server.baseUrlPath=atlas, its own
routes answer under /atlas/ like Streamlit's, and the addresses it writes (canonical, og:image,
the data's links, the feed's) carry /atlas/. Against `streamlit run serve.py`."""

from __future__ import annotations

import json
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest

from present.data import ATOM
from tests.server import StreamlitServer
from tests.test_links import Head, fetch


@pytest.fixture(scope="module")
def based_server():
    server = StreamlitServer(env={"ATLAS_TILES": "none"}, base_path="atlas")
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.parametrize("path, kind", [("/view.json?place=astana", "application/json"),
                                        ("/view.csv?place=astana", "text/csv"),
                                        ("/feed.atom", "application/atom+xml"),
                                        ("/preview.png", "image/png")])
def test_the_data_routes_and_the_picture_answer_under_the_base_path(based_server, path, kind):
    status, headers, _ = fetch(based_server.url + path)
    assert status == 200 and headers["content-type"].startswith(kind)
    assert fetch(based_server.origin + path)[0] == 404  # not also at the host's root


def test_a_bad_view_under_the_base_path_is_a_json_400(based_server):
    status, headers, body = fetch(based_server.url + "/view.json?place=nowhere")
    assert status == 400 and json.loads(body)["parameter"] == "place"


@pytest.mark.parametrize("path", ["/", "/timeline", ""])
def test_a_page_preview_links_under_the_base_path(based_server, path):
    status, _, body = fetch(f"{based_server.url}{path}?place=astana")
    assert status == 200
    head = Head(body.decode())
    canonical = head.links["canonical"]
    assert urlsplit(canonical).path == "/atlas" + (path or "/") and head.one("og:url") == canonical
    assert head.one("og:image") == f"{based_server.url}/preview.png?place=astana"
    assert head.title.startswith(("Astana", "Timeline · Astana"))
    assert fetch(head.one("og:image"))[0] == 200


def test_the_datas_own_links_carry_the_base_path(based_server):
    document = json.loads(fetch(based_server.url + "/view.json?place=astana")[2])
    assert document["link"] == f"{based_server.url}/?place=astana"
    assert document["excerpts"] and all(e["link"].startswith(based_server.url + "/?") for e in document["excerpts"])
    feed = ElementTree.fromstring(fetch(based_server.url + "/feed.atom?place=astana")[2])
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{{{ATOM}}}link")}
    assert links["self"] == f"{based_server.url}/feed.atom?place=astana"
    assert links["alternate"] == f"{based_server.url}/?place=astana"
