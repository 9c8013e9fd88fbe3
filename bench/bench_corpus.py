"""The corpus at scale: index build, memory and query times for the seed corpus and for a
generated corpus of N articles (bench/make_corpus.py); the home page's warm rerun; and in
Chromium, page open and clicks on each corpus.

Run: .venv/bin/python bench/bench_corpus.py [--count 10000]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.bench_browser import CHROMIUM_ARGS, one_round  # noqa: E402
from bench.make_corpus import write_corpus  # noqa: E402
from corpus.store import STORE_NAME  # noqa: E402
from tests.server import StreamlitServer  # noqa: E402

QUERIES = ["coopération", "Astana treaty", "railway corridor"]
# One child process per corpus: the index build and its memory are measured from a cold start.
CHILD = """
import json, statistics, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from corpus.build import build_index
start = time.perf_counter()
index = build_index(Path({folder!r}))
build = time.perf_counter() - start
def once(call):
    start = time.perf_counter(); call(); return time.perf_counter() - start
def timed(call):
    runs = []
    for _ in range(3):
        start = time.perf_counter(); call(); runs.append(time.perf_counter() - start)
    return statistics.median(runs)
print(json.dumps({{
    "articles": len(index.corpus.articles), "sentences": len(index.sentences), "build": build,
    # VmHWM, not ru_maxrss: the latter carries the parent's peak across exec
    "rss_mb": int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]) / 1024,
    # what the panel reads: the count and the first six excerpts, made (the rest is read when shown)
    "search": statistics.median(timed(lambda: (len(r := index.search(q)), r[:6])) for q in {queries!r}),
    "place": once(lambda: (len(r := index.excerpts_for_place("astana")), r[:6])),
    "country": once(lambda: (len(r := index.excerpts_for_country("KAZ")), r[:6])),
}}))
"""


def index_figures(folder: Path, fresh: bool) -> dict:
    """Figures of one index build in a new process; `fresh`: with no store yet (every file read)."""
    if fresh:
        for path in folder.glob(STORE_NAME + "*"):
            path.unlink()
    code = CHILD.format(root=str(ROOT), folder=str(folder), queries=QUERIES)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def warm_rerun(folder: Path) -> float:
    """The home page's warm rerun under AppTest (index cached, as for every visitor but the first)."""
    from streamlit.testing.v1 import AppTest

    os.environ["ATLAS_SEEDS_DIR"] = str(folder)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=900)
    at.run()
    assert not at.exception, at.exception
    runs = []
    for _ in range(10):
        start = time.perf_counter()
        at.run()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def browser_figures(folders: dict[str, Path], rounds: int) -> dict[str, dict[str, float]]:
    """Page open → map drawn, marker and country click → panel, for the atlas on each corpus,
    rounds alternating (after one warm-up each, which also builds each server's index)."""
    servers = {label: StreamlitServer(env={"ATLAS_SEEDS_DIR": str(folder), "ATLAS_TILES": "none"},
                                      timeout=600) for label, folder in folders.items()}
    results: dict[str, list[dict[str, float]]] = {label: [] for label in folders}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for server in servers.values():
                one_round(browser, server.url, True, timeout_ms=600_000)
            for _ in range(rounds):
                for label, server in servers.items():
                    results[label].append(one_round(browser, server.url, True))
            browser.close()
    finally:
        for server in servers.values():
            server.stop()
    return {label: {key: statistics.median(r[key] for r in rows) for key in rows[0]} for label, rows in results.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    generated = ROOT / "bench" / "out" / f"corpus-{args.count}"
    if len(list(generated.glob("*.md"))) != args.count:
        write_corpus(args.count, generated)
    folders = {"seed corpus": ROOT / "seeds", f"{args.count} articles": generated}

    print("Index (each in a new process): first build with no store, then loaded from the store\n")
    print("| corpus | articles | sentences | first build | from the store | peak RSS | search, median of "
          f"{len(QUERIES)} queries | excerpts for Astana (first time) | for Kazakhstan (first time) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for label, folder in folders.items():
        first, loaded = index_figures(folder, fresh=True), index_figures(folder, fresh=False)
        print(f"| {label} | {loaded['articles']} | {loaded['sentences']} | {first['build']:.2f} s "
              f"| {loaded['build']:.2f} s | {loaded['rss_mb']:.0f} MB | {loaded['search'] * 1000:.1f} ms "
              f"| {loaded['place'] * 1000:.1f} ms | {loaded['country'] * 1000:.0f} ms |", flush=True)

    print("\nHome page warm rerun under AppTest (median of 10)\n")
    print("| corpus | warm rerun |")
    print("|---|---|")
    warm = {label: warm_rerun(folder) for label, folder in folders.items()}
    for label, value in warm.items():
        print(f"| {label} | {value * 1000:.0f} ms |", flush=True)

    print(f"\nIn Chromium, index built, {args.rounds} rounds alternating, medians\n")
    figures = browser_figures(folders, args.rounds)
    small, large = figures.values()
    print(f"| measure | seed corpus | {args.count} articles | ratio |")
    print("|---|---|---|---|")
    for key, label in (("open", "page open → map drawn"), ("marker", "marker click → panel"),
                       ("country", "country click → panel")):
        print(f"| {label} | {small[key]:.2f} s | {large[key]:.2f} s | {large[key] / small[key]:.2f}× |")


if __name__ == "__main__":
    main()
