"""Load measured at the server: N concurrent readers speaking Streamlit's own protocol (protobuf
BackMsg/ForwardMsg over /_stcore/stream, tests/stclient.py), no browsers, against one
`streamlit run serve.py` started as README starts it.

Each reader loops over what readers do, with a pause between actions (a reader reads what the
panel shows): open a shared link (a new session's first page), click a place's marker, click
inside a country (both as st_folium sends them: the map's widget value), pick a theme, search;
and, once a round, fetch a data route over HTTP (/view.json, /view.csv or /feed.atom of a link).
An action's time runs from the message sent to the end of the run it caused (script_finished:
everything the panel shows has been sent). An error: an exception element in the run, a run that
did not finish successfully, a closed stream or a run over the client's 60 s timeout.

Steps: the server's memory idle; memory per session (K sessions opened and held, idle); then
rising numbers of concurrent readers, each for --seconds; then a soak at the largest number that
held (p95 click → panel < 1 s, 0 errors), memory sampled every 10 s.

Run: make load   (or .venv/bin/python bench/load_server.py --levels 5,10,20,40 --seconds 60 --soak 600)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import statistics
import sys
import time
import urllib.request
from collections import defaultdict
from urllib.parse import urlencode
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from corpus.gazetteer import load_gazetteer  # noqa: E402
from geo.layers import LABEL_POINTS  # noqa: E402
from tests.server import StreamlitServer  # noqa: E402
from tests.stclient import ProtocolError, Session  # noqa: E402

GAZETTEER = load_gazetteer()
PLACES = [p for p in GAZETTEER.places.values() if p.summit or p.capital]
THEMES = ["trade", "investment", "connectivity", "peace-stability", "belt-and-road"]  # corpus/data/themes.yaml
WORDS = ["gas", "summit", "Astana", "railway", "investment", "commerce"]
LINKS = [{"place": "astana"}, {"country": "KAZ"}, {"theme": "trade"}, {"place": "xian", "lang": "fr"},
         {"q": "pipeline"}, {"country": "UZB", "theme": "investment"}, {}]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Tally:
    def __init__(self):
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, list[str]] = defaultdict(list)

    def record(self, action: str, seconds: float, problem: str | None) -> None:
        if problem:
            self.errors[action].append(problem)
        else:
            self.times[action].append(seconds)

    def summary(self) -> dict:
        out = {}
        for action in sorted(set(self.times) | set(self.errors)):
            values = sorted(self.times[action])
            out[action] = {"n": len(values), "errors": len(self.errors[action]),
                           "p50": statistics.median(values) if values else None,
                           "p95": values[min(len(values) - 1, int(0.95 * len(values)))] if values else None,
                           "examples": self.errors[action][:3]}
        return out


DATA_ROUTES = ["/view.json", "/view.csv", "/feed.atom"]


def fetch_data(url: str, route: str, params: dict[str, str]) -> tuple[float, str | None]:
    """One data route over HTTP, as a script or a feed reader asks for it: (seconds, problem)."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(f"{url}{route}?{urlencode(params)}", timeout=60) as answer:
            body = answer.read()
            status = answer.status
    except (OSError, ValueError) as error:
        return time.perf_counter() - started, f"{type(error).__name__}: {error}"[:200]
    seconds = time.perf_counter() - started
    if status != 200 or not body:
        return seconds, f"HTTP {status}, {len(body)} bytes"
    if route == "/view.json":
        try:
            json.loads(body)
        except ValueError as error:
            return seconds, f"not JSON: {error}"[:200]
    return seconds, None


def problem_of(run) -> str | None:
    if run.exceptions:
        return "; ".join(run.exceptions)[:200]
    if run.finished != "FINISHED_SUCCESSFULLY":
        return f"run ended {run.finished}"
    return None


async def reader(url: str, until: float, tally: Tally, think: float, rng: random.Random) -> None:
    session = Session(url)
    try:
        await session.connect()
    except Exception as error:  # noqa: BLE001
        tally.record("connect", 0, f"{type(error).__name__}: {error}")
        return
    try:
        while time.monotonic() < until:
            place = rng.choice(PLACES)
            lat, lng = LABEL_POINTS[rng.choice(list(LABEL_POINTS))]
            actions = [("open link", lambda: session.open(rng.choice(LINKS))),
                       ("click place", lambda: session.click_map(place.lat, place.lon)),
                       ("click country", lambda: session.click_map(lat, lng)),
                       ("pick theme", lambda: session.pick_theme(rng.choice(THEMES))),
                       ("search", lambda: session.search(rng.choice(WORDS)))]
            route, params = rng.choice(DATA_ROUTES), rng.choice(LINKS)
            seconds, problem = await asyncio.to_thread(fetch_data, url, route, params)
            tally.record("data route", seconds, problem)
            for name, action in actions:
                if time.monotonic() >= until:
                    break
                try:
                    run = await action()
                    tally.record(name, run.seconds, problem_of(run))
                except (ProtocolError, KeyError, OSError) as error:
                    tally.record(name, 0, f"{type(error).__name__}: {error}"[:200])
                    return
                await asyncio.sleep(think * rng.uniform(0.5, 1.5))
    finally:
        await session.close()


async def level(url: str, sessions: int, seconds: float, think: float, seed: int) -> Tally:
    tally = Tally()
    until = time.monotonic() + seconds
    rngs = [random.Random(seed * 1000 + n) for n in range(sessions)]

    async def staggered(n: int) -> None:
        await asyncio.sleep(n * min(0.2, think / max(1, sessions)))  # readers arrive over a moment
        await reader(url, until, tally, think, rngs[n])

    await asyncio.gather(*(staggered(n) for n in range(sessions)))
    return tally


async def held_sessions(url: str, count: int) -> list[Session]:
    held = []
    for n in range(count):
        session = Session(url)
        await session.connect()
        await session.open(LINKS[n % len(LINKS)])
        held.append(session)
    return held


def holds(summary: dict) -> bool:
    clicks = [summary.get(a, {}) for a in ("click place", "click country")]
    return (all(s.get("errors", 1) == 0 and s.get("p95") is not None and s["p95"] < 1.0 for s in clicks)
            and all(s["errors"] == 0 for s in summary.values()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--levels", default="5,10,20,40", help="concurrent readers, one step each")
    parser.add_argument("--seconds", type=float, default=60, help="length of each step")
    parser.add_argument("--think", type=float, default=1.0, help="mean pause between a reader's actions (s)")
    parser.add_argument("--held", type=int, default=20, help="idle sessions opened to measure memory per session")
    parser.add_argument("--soak", type=float, default=600, help="soak length at the largest level that held (s)")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args()

    server = StreamlitServer(env={"ATLAS_TILES": "none"})
    pid = server.process.pid
    report: dict = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, load average before "
                               f"{os.getloadavg()[0]:.2f}, shared with other engineers' work",
                    "command": " ".join(sys.argv)}
    try:
        async def run_all() -> None:
            warm = Session(server.url)
            await warm.connect()
            for params in LINKS:
                await warm.open(params)
            await warm.close()
            report["rss_idle_mb"] = rss_mb(pid)
            held = await held_sessions(server.url, args.held)
            report["rss_held_mb"] = rss_mb(pid)
            report["mb_per_session"] = (report["rss_held_mb"] - report["rss_idle_mb"]) / args.held
            for session in held:
                await session.close()
            report["levels"] = []
            best = None
            for n in [int(x) for x in args.levels.split(",")]:
                cpu0, wall0, client0 = cpu_seconds(pid), time.monotonic(), time.process_time()
                tally = await level(server.url, n, args.seconds, args.think, n)
                wall = time.monotonic() - wall0
                summary = tally.summary()
                step = {"sessions": n, "seconds": args.seconds, "actions": summary, "held": holds(summary),
                        "server_cpu_share": (cpu_seconds(pid) - cpu0) / wall,
                        "client_cpu_share": (time.process_time() - client0) / wall,
                        "rss_mb_end": rss_mb(pid), "loadavg": os.getloadavg()[0]}
                report["levels"].append(step)
                print(json.dumps(step), flush=True)
                if step["held"]:
                    best = n
            report["sessions_held"] = best
            soaked = best or int(args.levels.split(",")[0])  # none held: soak at the smallest level, said so
            if args.soak:
                samples = []
                task = asyncio.create_task(level(server.url, soaked, args.soak, args.think, 7))
                started = time.monotonic()
                while not task.done():
                    samples.append((round(time.monotonic() - started), rss_mb(pid)))
                    await asyncio.wait([task], timeout=10)
                tally = task.result()
                await asyncio.sleep(5)
                report["soak"] = {"sessions": soaked, "seconds": args.soak, "actions": tally.summary(),
                                  "rss_mb_samples": samples, "rss_mb_after": rss_mb(pid)}

        asyncio.run(run_all())
    finally:
        server.stop()
    print(json.dumps(report, indent=1))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
