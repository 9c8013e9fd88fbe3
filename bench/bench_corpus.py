"""The corpus at scale: index build, memory and query times for the seed corpus and for a
generated corpus of N articles (bench/make_corpus.py), and the app's first and warm run on each.

Run: .venv/bin/python bench/bench_corpus.py [--count 10000]
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.make_corpus import write_corpus  # noqa: E402

QUERIES = ["coopération", "Astana treaty", "railway corridor"]
# One child process per corpus: the index build and its memory are measured from a cold start.
CHILD = """
import json, statistics, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from corpus.excerpts import build_index
start = time.perf_counter()
index = build_index(Path({folder!r}))
build = time.perf_counter() - start
def timed(call):
    runs = []
    for _ in range(3):
        start = time.perf_counter(); call(); runs.append(time.perf_counter() - start)
    return statistics.median(runs)
print(json.dumps({{
    "articles": len(index.corpus.articles), "sentences": len(index.sentences), "build": build,
    # VmHWM, not ru_maxrss: the latter carries the parent's peak across exec
    "rss_mb": int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]) / 1024,
    "search": statistics.median(timed(lambda: index.search(q)) for q in {queries!r}),
    "place": timed(lambda: index.excerpts_for_place("astana")),
    "country": timed(lambda: index.excerpts_for_country("KAZ")),
}}))
"""


def index_figures(folder: Path) -> dict:
    code = CHILD.format(root=str(ROOT), folder=str(folder), queries=QUERIES)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    import json

    return json.loads(out.strip().splitlines()[-1])


def app_figures(folder: Path) -> tuple[float, float]:
    """The home page's first run (index built, cache cold) and its warm rerun, under AppTest."""
    from streamlit.testing.v1 import AppTest

    os.environ["ATLAS_SEEDS_DIR"] = str(folder)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=900)
    start = time.perf_counter()
    at.run()
    first = time.perf_counter() - start
    assert not at.exception, at.exception
    warm = []
    for _ in range(5):
        start = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - start)
    return first, statistics.median(warm)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    count = parser.parse_args().count
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    generated = ROOT / "bench" / "out" / f"corpus-{count}"
    if len(list(generated.glob("*.md"))) != count:
        write_corpus(count, generated)
    rows = []
    for label, folder in (("seed corpus", ROOT / "seeds"), (f"generated, {count} articles", generated)):
        figures = index_figures(folder)
        first, warm = app_figures(folder)
        rows.append((label, figures, first, warm))
    print("| corpus | articles | sentences | index build | process RSS | search (median of 3 queries) "
          "| excerpts for Astana | excerpts for Kazakhstan | home page first run | home page warm rerun |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for label, f, first, warm in rows:
        print(f"| {label} | {f['articles']} | {f['sentences']} | {f['build']:.2f} s | {f['rss_mb']:.0f} MB "
              f"| {f['search'] * 1000:.0f} ms | {f['place'] * 1000:.0f} ms | {f['country'] * 1000:.0f} ms "
              f"| {first:.2f} s | {warm * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
