"""What an anonymous client can ask of a running server, through Streamlit's own protocol
(tests/stclient.py): nothing it sends may cost the other readers anything."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from corpus.build import build_index
from corpus.store import store_path
from tests.conftest import ROOT, article_text
from tests.server import StreamlitServer
from tests.stclient import Session, run_apart


@pytest.fixture(scope="module")
def probe_server():
    server = StreamlitServer(ROOT / "tests" / "data" / "cache_probe.py")
    try:
        yield server
    finally:
        server.stop()


def test_a_client_clearing_the_caches_costs_the_readers_nothing(probe_server):
    async def scenario() -> tuple[str, str, str]:
        reader, attacker = Session(probe_server.url), Session(probe_server.url)
        await reader.connect()
        await attacker.connect()
        try:
            before = (await reader.open()).headings[0]
            await attacker.open()
            for _ in range(3):
                await attacker.clear_caches()
            after_attacker = (await attacker.open()).headings[0]  # its own next run, after its messages
            after_reader = (await reader.open()).headings[0]
            return before, after_attacker, after_reader
        finally:
            await reader.close()
            await attacker.close()

    before, after_attacker, after_reader = run_apart(scenario())
    assert before == after_attacker == after_reader  # the cached value was not made again
    assert "refused clear_cache" in probe_server.output()


def health(server: StreamlitServer) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=10) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def wait_for(condition, what: str, bound: float = 120.0):
    """Poll `condition` until it holds; the bound ends a test that would otherwise hang, it times nothing."""
    deadline = time.monotonic() + bound
    while time.monotonic() < deadline:
        if (value := condition()):
            return value
        time.sleep(0.2)
    raise AssertionError(f"never happened: {what}")


def test_health_is_unhealthy_while_pages_cannot_be_served(seeds_copy: Path):
    """Another process holds the index's write lock (as a build elsewhere would, or a file that never
    answers): every page waits, and the health route must say so instead of answering ok."""
    build_index(seeds_copy).store.close()
    (seeds_copy / "new.md").write_text(article_text("New", "Astana hosts a new one."))  # the store must be written
    holder = sqlite3.connect(store_path(seeds_copy), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    server = StreamlitServer(env={"ATLAS_SEEDS_DIR": str(seeds_copy), "ATLAS_TILES": "none",
                                                   "ATLAS_STALLED_AFTER": "2"})
    try:
        assert health(server) == (200, "ok")
        results: list = []
        reader = threading.Thread(target=lambda: results.append(asyncio.run(open_page(server.url))))
        reader.start()
        status, message = wait_for(lambda: (answer := health(server))[0] != 200 and answer, "health turns 503")
        assert status == 503 and "reading the articles" in message and "no progress" in message
        holder.execute("ROLLBACK")  # the lock goes: the page is served, health is ok again
        reader.join(timeout=120)
        assert results and "★ Astana" in results[0].headings and not results[0].exceptions
        assert health(server) == (200, "ok")
    finally:
        holder.close()
        server.stop()


async def open_page(url: str, params: dict[str, str] | None = None):
    session = Session(url, timeout=120)
    await session.connect()
    try:
        return await session.open(params or {"place": "astana"})
    finally:
        await session.close()


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_static_holds_only_what_the_map_loads_and_its_licences(atlas_server):
    from geo.assets import MAP_CSS, MAP_JS, SERVED_COUNTRIES, SERVED_NEIGHBOURS, STATIC_DIR, STATIC_PREFIX

    loaded = {url.removeprefix(STATIC_PREFIX) for _, url in [*MAP_JS, *MAP_CSS]} | {SERVED_COUNTRIES, SERVED_NEIGHBOURS}
    css = (STATIC_DIR / "leaflet" / "leaflet.css").read_text()
    files = {path.relative_to(STATIC_DIR).as_posix() for path in STATIC_DIR.rglob("*") if path.is_file()}
    for name in sorted(files):
        assert (name in loaded or name.rsplit("/", 1)[-1].startswith("LICENSE")
                or f"url({name.removeprefix('leaflet/')})" in css), f"static/{name} is served but the map does not load it"
    for name in ("vendor.sh", "README.md", "../app.py", "..%2fapp.py"):
        assert get(f"{atlas_server.url}/app/static/{name}")[0] in (400, 404), name
    assert get(f"{atlas_server.url}/app/static/{sorted(loaded)[0]}")[0] == 200


def test_metrics_say_nothing_to_an_anonymous_client(atlas_server):
    run_apart(open_page(atlas_server.url))  # a page has run: the app's guard is installed
    status, body = get(f"{atlas_server.url}/_stcore/metrics")
    assert b"session" not in body and b"cache" not in body, body[:300]
    assert status in (200, 404)  # st.App refuses routes under /_stcore/: the guard empties it instead


def test_an_unexpected_error_shows_no_traceback_or_server_path(probe_server):
    async def failing():
        session = Session(probe_server.url)
        await session.connect()
        try:
            return await session.open({"fail": "1"})
        finally:
            await session.close()

    run = run_apart(failing())
    assert run.exceptions, "the page's error is shown as an error"
    shown = " ".join(run.exceptions) + " ".join(run.markdown)
    assert str(ROOT) not in shown and "Traceback" not in shown and "RuntimeError" not in shown, shown
