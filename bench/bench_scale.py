"""The atlas on a large corpus with its store already built (bench/build_store.py), beside the
seed corpus: the index opened in a new process (restart), its memory, search and first clicks
in Python; then in Chromium, a fresh server's restart → first map, every page's first visit,
clicks → panel, and the server's memory.

Run: .venv/bin/python bench/bench_scale.py /tmp/atlas100k/corpus [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.bench_browser import CHROMIUM_ARGS, MAP_IFRAME, one_round  # noqa: E402
from tests.server import StreamlitServer  # noqa: E402

QUERIES = ["coopération", "Astana treaty", "railway corridor"]
# three words or more: the search by meaning runs too (corpus.query.MEANING_WORDS)
MEANING_QUERIES = ["freight trains crossing the border", "Chinese loan to Kyrgyzstan and its debt"]
SHOWN = 6  # excerpts the panel draws first
# In a new process: what a restarted server does before its first map, then what a reader asks.
CHILD = """
import json, statistics, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
start = time.perf_counter()
from corpus.build import load_index, update_store
seen = []
index = load_index(update_store(Path({folder!r}), lambda done, total: seen.append(total)))
opened = time.perf_counter() - start
def once(call):
    start = time.perf_counter(); call(); return time.perf_counter() - start
def median3(call):
    return statistics.median(once(call) for _ in range(3))
def panel(excerpts):  # what the panel reads: the count and the first excerpts, made
    return len(excerpts), excerpts[:{shown}]
def grouped(excerpts):
    return [(len(group), group[:{shown}]) for group in excerpts.by_countries_named().values()]
figures = {{
    "read_on_restart": seen[-1] if seen else 0, "articles": len(index.corpus.articles),
    "sentences": len(index.sentences), "open": opened,
    "theme_counts": once(lambda: index.theme_counts()),
    "search": statistics.median(median3(lambda: panel(index.search(q))) for q in {queries!r}),
    "search_hits": [len(index.search(q)) for q in {queries!r}],
    "place": once(lambda: panel(index.excerpts_for_place("astana"))),
    "country": once(lambda: panel(index.excerpts_for_country("KAZ"))),
    "country_theme": once(lambda: panel(index.excerpts_for_country("UZB").about_theme("trade"))),
    "theme_groups": once(lambda: grouped(index.excerpts_for_theme("connectivity"))),
    "kaz": len(index.excerpts_for_country("KAZ")),
}}
from present.selection import selection_excerpts
from present.view import View
figures["meaning_codes"] = once(lambda: index.search({meaning!r}[0]))  # the first: the signs worked out
figures["search_meaning"] = statistics.median(median3(lambda: panel(index.search(q))) for q in {meaning!r})
# the panels as the app lists them (the close reading's order, kept in the store: corpus.ranking)
figures["panel_place"] = once(lambda: panel(selection_excerpts(View(place="astana"), index)))
figures["panel_country"] = once(lambda: panel(selection_excerpts(View(country="KAZ"), index)))
figures["panel_person"] = once(lambda: panel(selection_excerpts(View(person="xi-jinping"), index)))
from present.selection import heading, people_in
figures["panel_heading"] = once(lambda: (heading(View(person="xi-jinping"), index),
                                         people_in(selection_excerpts(View(country="KAZ"), index), index)))
from present.summits import summit_sheet
figures["summit_sheet"] = once(lambda: summit_sheet(index, "astana", "en"))
from present.timeline import all_entries, entry_title, sources
figures["timeline_entries"] = once(lambda: [(entry_title(e, index, "en"), sources(e, index, 3))  # what /timeline shows
                                            for e in all_entries(index)[:50]])
from corpus.chronology import corpus_events
from corpus.figures import corpus_figures
figures["timeline"] = once(lambda: (len(corpus_events(index)), corpus_events(index)[:50]))
figures["figures"] = once(lambda: (len(corpus_figures(index)), corpus_figures(index)[:12]))
status = dict(line.split(":", 1) for line in open("/proc/self/status") if ":" in line)
figures["rss_mb"] = int(status["VmRSS"].split()[0]) / 1024
figures["peak_mb"] = int(status["VmHWM"].split()[0]) / 1024
print(json.dumps(figures))
"""
PAGES = {  # path → what shows that its first run is drawn
    "/timeline": "document.body.innerText.includes('The dated events of the articles')",
    "/themes": "document.body.innerText.includes('Theme × country')",
    "/table": "document.querySelector('iframe, #atlas-themes') !== null || document.body.innerText.includes('Themes')",
    "/about": "document.querySelectorAll('h1, h2').length > 0",
}
SETTLED = "document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state') === 'notRunning'"


def in_python(folder: Path) -> dict:
    code = CHILD.format(root=str(ROOT), folder=str(folder), queries=QUERIES, shown=SHOWN, meaning=MEANING_QUERIES)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def memory_mb(pid: int) -> tuple[float, float]:
    status = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return int(status["VmRSS"].split()[0]) / 1024, int(status["VmHWM"].split()[0]) / 1024


def restart_and_visit(browser, folder: Path) -> dict:
    """A new server on `folder`: process start → first map drawn, then each page's first visit."""
    start = time.perf_counter()
    server = StreamlitServer(ROOT / "app.py", env={"ATLAS_SEEDS_DIR": str(folder), "ATLAS_TILES": "none"}, timeout=600)
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(600_000)
        page.goto(server.url)
        frame = page.wait_for_selector(MAP_IFRAME).content_frame()
        frame.wait_for_function("document.querySelectorAll('path.leaflet-interactive').length >= 6")
        figures = {"restart_to_map": time.perf_counter() - start}
        for path, drawn in PAGES.items():
            begun = time.perf_counter()
            page.goto(server.url + path)
            page.wait_for_function(f"({drawn}) && {SETTLED}", polling=50)
            figures[path] = time.perf_counter() - begun
        figures["rss_mb"], figures["peak_mb"] = memory_mb(server.process.pid)
        context.close()
        return figures
    finally:
        server.stop()


def clicks(browser, folders: dict[str, Path], rounds: int) -> dict[str, dict[str, float]]:
    servers = {label: StreamlitServer(ROOT / "app.py", env={"ATLAS_SEEDS_DIR": str(folder), "ATLAS_TILES": "none"},
                                      timeout=600) for label, folder in folders.items()}
    results: dict[str, list[dict[str, float]]] = {label: [] for label in folders}
    try:
        for server in servers.values():
            one_round(browser, server.url, True, timeout_ms=600_000)  # warm-up
        for _ in range(rounds):
            for label, server in servers.items():
                results[label].append(one_round(browser, server.url, True, timeout_ms=120_000))
        memory = {label: memory_mb(server.process.pid) for label, server in servers.items()}
    finally:
        for server in servers.values():
            server.stop()
    return {label: {**{key: statistics.median(r[key] for r in rows) for key in rows[0]},
                    "rss_mb": memory[label][0], "peak_mb": memory[label][1]} for label, rows in results.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-browser", action="store_true")
    args = parser.parse_args()
    folders = {"seed corpus": ROOT / "seeds", "large corpus": args.folder}

    print("In Python, a new process per corpus (restart: the store is checked, nothing to read)\n")
    print("| measure | " + " | ".join(folders) + " |")
    print("|---|---|---|")
    python = {label: in_python(folder) for label, folder in folders.items()}
    rows = [("articles", "articles", "{:.0f}"), ("sentences", "sentences", "{:.0f}"),
            ("read_on_restart", "files read again on restart", "{:.0f}"),
            ("open", "restart: store checked + index opened (s)", "{:.2f}"),
            ("theme_counts", "the one theme count, first time (s)", "{:.3f}"),
            ("search", f"search → count + first {SHOWN} excerpts, median of {len(QUERIES)} queries (ms)", "ms"),
            ("place", "Astana: count + first excerpts, first time (ms)", "ms"),
            ("country", "Kazakhstan: count + first excerpts, first time (ms)", "ms"),
            ("country_theme", "Uzbekistan × trade, first time (ms)", "ms"),
            ("meaning_codes", "first search by meaning: encoder loaded, every sentence's signs worked out (ms)", "ms"),
            ("search_meaning", f"search of 3+ words (words and meaning), median of {len(MEANING_QUERIES)} (ms)", "ms"),
            ("panel_place", "Astana's panel as the app lists it, first time (ms)", "ms"),
            ("panel_country", "Kazakhstan's panel as the app lists it, first time (ms)", "ms"),
            ("panel_person", "Xi Jinping's panel as the app lists it, first time (ms)", "ms"),
            ("panel_heading", "his heading (counts, offices) + the people of Kazakhstan's panel (ms)", "ms"),
            ("summit_sheet", "Astana's summit sheet (/summits, a venue's panel), first time (s)", "{:.2f}"),
            ("timeline_entries", "the timeline's events as /timeline lists them, first time (s)", "{:.2f}"),
            ("theme_groups", "connectivity panel grouped by country, first time (ms)", "ms"),
            ("timeline", "timeline: count + first 50 events (s)", "{:.2f}"),
            ("figures", "key figures: count + first 12 (s)", "{:.2f}"),
            ("rss_mb", "process RSS after all that (MB)", "{:.0f}"), ("peak_mb", "peak RSS (MB)", "{:.0f}")]
    for key, label, form in rows:
        cells = [f"{python[c][key] * 1000:.1f}" if form == "ms" else form.format(python[c][key]) for c in folders]
        print(f"| {label} | " + " | ".join(cells) + " |", flush=True)
    print(f"\nsearch hits on the large corpus: {python['large corpus']['search_hits']}; "
          f"Kazakhstan's excerpts: {python['large corpus']['kaz']}")
    if args.skip_browser:
        return

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        print("\nIn Chromium: a fresh server (restart) → first map, then each page's first visit (s)\n")
        visits = {label: restart_and_visit(browser, folder) for label, folder in folders.items()}
        print("| measure | " + " | ".join(folders) + " |")
        print("|---|---|---|")
        for key in ("restart_to_map", *PAGES, "rss_mb", "peak_mb"):
            form = "{:.0f}" if key.endswith("_mb") else "{:.2f}"
            print(f"| {key} | " + " | ".join(form.format(visits[c][key]) for c in folders) + " |", flush=True)
        print(f"\nIn Chromium: {args.rounds} rounds alternating after a warm-up, medians\n")
        figures = clicks(browser, folders, args.rounds)
        browser.close()
    small, large = figures.values()
    print("| measure | seed corpus | large corpus | ratio |")
    print("|---|---|---|---|")
    for key, label in (("open", "page open → map drawn (s)"), ("marker", "marker click → panel (s)"),
                       ("country", "country click → panel (s)"), ("rss_mb", "server RSS after the rounds (MB)"),
                       ("peak_mb", "server peak RSS (MB)")):
        print(f"| {label} | {small[key]:.2f} | {large[key]:.2f} | {large[key] / small[key]:.2f}× |")


if __name__ == "__main__":
    main()
