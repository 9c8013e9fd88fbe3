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

from corpus.excerpts import build_index
from corpus.store import store_path
from tests.conftest import ROOT, article_text
from tests.server import StreamlitServer
from tests.stclient import Session


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

    before, after_attacker, after_reader = asyncio.run(scenario())
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
    server = StreamlitServer(ROOT / "app.py", env={"ATLAS_SEEDS_DIR": str(seeds_copy), "ATLAS_TILES": "none",
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
