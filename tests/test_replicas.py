"""Three replicas on loopback behind a real HAProxy (deploy/haproxy.cfg, Debian's `haproxy`),
sharing one articles folder and its index. Readers (protocol-level clients, tests/stclient.py)
come in through the balancer with its sticky cookie and move around the atlas; one replica is
killed mid-run. Each reader it held reconnects as Streamlit's frontend does (a new websocket,
through the balancer, which sends it elsewhere) and reopens its view from its address: no view
may be lost, and the readers of the other replicas see no error. The index is built once."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import sqlite3
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from websockets.exceptions import InvalidStatus

from corpus.store import store_path
from tests.conftest import ROOT
from tests.server import StreamlitServer, free_port
from tests.stclient import ProtocolError, Session, run_apart

HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"
CONFIG = ROOT / "deploy" / "haproxy.cfg"
READERS = 9
LINKS = [{"place": "astana"}, {"country": "KAZ"}, {"theme": "trade"}, {"place": "xian", "lang": "fr"},
         {"country": "UZB"}, {"q": "pipeline"}, {"place": "bishkek"}, {"country": "TJK", "theme": "energy"}, {}]
CLICKS = [(51.1694, 71.4491), (48.3, 66.0), (41.4, 77.6), (39.7, 58.6)]


class Balancer:
    def __init__(self, replicas: list[StreamlitServer]):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "ATLAS_BIND": f"127.0.0.1:{self.port}",
               **{f"ATLAS_REPLICA{n + 1}": f"127.0.0.1:{r.port}" for n, r in enumerate(replicas)}}
        self.process = subprocess.Popen([HAPROXY, "-f", str(CONFIG), "-db"], env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("haproxy did not answer")

    def first_page(self, cookie: str | None = None, reconnecting: bool = False) -> str:
        """GET / as a browser does before its websocket; returns the sticky cookie to send with it.
        Reconnecting, a 502/503 (the balancer has not yet seen the replica die) is tried again, as
        Streamlit's frontend keeps trying to reconnect; at most 60 times, half a second apart."""
        request = urllib.request.Request(f"{self.url}/", headers={"Cookie": cookie} if cookie else {})
        for _ in range(60 if reconnecting else 1):
            try:
                with urllib.request.urlopen(request, timeout=30) as answer:
                    answer.read()
                    set_cookie = answer.headers.get("Set-Cookie")
                return set_cookie.split(";", 1)[0] if set_cookie else cookie
            except urllib.error.HTTPError as error:
                if not reconnecting or error.code not in (502, 503):
                    raise
                time.sleep(0.5)
        raise AssertionError("the balancer never sent the reader to a live replica")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@dataclass
class Reader:
    number: int
    first_cookie: str = ""  # the replica the balancer first gave it
    cookie: str = ""
    query: str = ""
    headings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    reconnects: int = 0
    lost: list[str] = field(default_factory=list)


@pytest.fixture
def replicas(seeds_copy: Path):
    if not Path(HAPROXY).exists():
        pytest.fail("haproxy is missing: apt-get install -y haproxy (Debian's package; .ci/run installs it)")
    env = {"ATLAS_SEEDS_DIR": str(seeds_copy), "ATLAS_TILES": "none"}
    servers = [StreamlitServer(env=env) for _ in range(3)]
    balancer = None
    try:
        balancer = Balancer(servers)
        yield servers, balancer, seeds_copy
    finally:
        if balancer:
            balancer.stop()
        for server in servers:
            if server.process.poll() is None:
                server.stop()


AFTER_KILL = 3  # actions each reader does once the replica is dead


async def reconnect(reader: Reader, balancer: Balancer, query: str) -> tuple[Session, object]:
    """Reconnects as Streamlit's frontend does: it keeps trying (a balancer that has not yet marked
    the dead replica down may send the first tries there), at most 20 times, a second apart."""
    for attempt in range(20):
        reader.cookie = await asyncio.to_thread(balancer.first_page, reader.cookie, True)
        session = Session(balancer.url, timeout=60)
        try:
            await session.connect({"Cookie": reader.cookie})
            session.query = query
            return session, await session.rerun([])
        except (ProtocolError, OSError, InvalidStatus):
            await session.close()
            await asyncio.sleep(1)
    raise AssertionError(f"reader {reader.number} never got a live stream back")


async def drive(reader: Reader, balancer: Balancer, killed: asyncio.Event) -> None:
    """A reader moving around the atlas through the balancer; on a dropped stream it reconnects
    and reopens its view from its address, and checks the view is the one it had."""
    reader.cookie = reader.first_cookie = await asyncio.to_thread(balancer.first_page)
    session = Session(balancer.url, timeout=60)
    await session.connect({"Cookie": reader.cookie})
    run = await session.open(LINKS[reader.number % len(LINKS)])
    reader.query, reader.headings = session.query, run.headings
    step, after_kill = 0, 0
    while after_kill < AFTER_KILL:
        step += 1
        after_kill += killed.is_set()
        try:
            if step % 3 == 0:
                run = await session.pick_theme("connectivity")
            else:
                run = await session.click_map(*CLICKS[(reader.number + step) % len(CLICKS)])
            if run.exceptions or run.finished != "FINISHED_SUCCESSFULLY":
                reader.errors.append(f"{run.finished} {run.exceptions}")
            reader.query, reader.headings = session.query, run.headings
        except ProtocolError:
            # the replica went away: reconnect as the frontend does, and reopen the address
            await session.close()
            reader.reconnects += 1
            had_query, had = reader.query, reader.headings
            session, run = await reconnect(reader, balancer, had_query)
            if run.headings != had or session.query != had_query or run.exceptions:
                reader.lost.append(f"{had_query}: {had} became {session.query}: {run.headings} {run.exceptions}")
            reader.query, reader.headings = session.query, run.headings
        await asyncio.sleep(0.3)
    await session.close()


def test_a_replica_killed_mid_run_loses_no_view_and_the_index_is_built_once(replicas):
    servers, balancer, folder = replicas
    readers = [Reader(n) for n in range(READERS)]

    async def scenario() -> None:
        killed = asyncio.Event()
        tasks = [asyncio.create_task(drive(reader, balancer, killed)) for reader in readers]
        while not all(r.headings for r in readers):  # every reader has its first view
            await asyncio.sleep(0.2)
            if any(task.done() and task.exception() for task in tasks):
                break
        await asyncio.sleep(2)  # mid-run: readers are clicking
        os.kill(servers[1].process.pid, signal.SIGKILL)  # atlas2 dies, its sessions with it
        killed.set()
        await asyncio.gather(*tasks)

    # the bound ends a test that would hang (a reader that never gets its view back); it times nothing
    run_apart(asyncio.wait_for(scenario(), timeout=600))
    killed = "ATLAS_REPLICA=atlas2"
    moved = [r for r in readers if r.first_cookie == killed]
    print(f"\nfailover: {READERS} readers, {len(moved)} on the killed replica, {sum(r.reconnects for r in readers)} "
          f"reconnects, {sum(len(r.lost) for r in readers)} views lost, {sum(len(r.errors) for r in readers)} errors")
    assert sorted({r.first_cookie for r in readers}) == [f"ATLAS_REPLICA=atlas{n}" for n in (1, 2, 3)]
    assert all((r.reconnects > 0) == (r.first_cookie == killed) for r in readers)  # only its readers moved
    assert all(r.cookie != killed for r in readers)  # to a live replica
    assert [r.lost for r in readers] == [[]] * READERS  # 0 lost views
    assert [r.errors for r in readers] == [[]] * READERS  # 0 errors, on every replica
    # built once: every sentence was written once (a second build would forget and re-insert them,
    # and a sentence id is never given twice)
    with sqlite3.connect(store_path(folder)) as db:
        count, highest = db.execute("SELECT COUNT(*), MAX(id) FROM sentences").fetchone()
    assert count > 0 and highest == count
