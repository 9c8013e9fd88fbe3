"""Load: N concurrent browser sessions against one `streamlit run` server for a fixed time.

One Debian Chromium, one context (a separate session, cookies and all) per reader. Each reader
loops: open a shared link, click a place's marker on the map, click inside a country, pick a
theme in the select box, open another shared link; a second's pause between actions (a reader
reads, once the page has settled). Reported: errors (exceptions in the page, Streamlit exception boxes, actions that time
out, tracebacks in the server's log), p50/p95 of action → panel heading, and the server's
memory (VmRSS) idle, warmed up and at its peak, per session.

Times are taken inside the page, as bench/bench_browser.py does: a capturing pointerdown
listener stamps the click (in the map's frame for map clicks) and a MutationObserver, installed
at document start, stamps the first moment each h3 heading appears; a link's time runs from
navigation start.

Run: make load   (or .venv/bin/python bench/load.py --sessions 20 --seconds 120)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from corpus.build import build_index  # noqa: E402
from tests.server import StreamlitServer  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 # 20 windows at once: none of them may be throttled as a background tab
                 "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                 "--disable-backgrounding-occluded-windows"]
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
WAIT_MS = 60_000  # an action that takes longer counts as an error
PAUSE_S = 1.0
# Points well inside each country; the first one that no marker, name or badge covers is clicked.
# (At this size Tajikistan is mostly covered by Dushanbe's pin and name.)
INSIDE = {"CHN": [(34.0, 96.0), (40.0, 100.0)], "KAZ": [(46.5, 72.5), (48.0, 60.0)],
          "KGZ": [(41.6, 75.3), (42.0, 73.5)], "TJK": [(37.4, 69.0), (39.5, 68.5), (37.7, 69.5)],
          "TKM": [(39.5, 59.5), (40.5, 56.5)], "UZB": [(42.3, 63.0), (43.5, 58.5)]}
ON_COUNTRY = """([lat, lon]) => { const point = window.map.latLngToContainerPoint([lat, lon]);
    const element = document.elementFromPoint(point.x, point.y);
    return element.matches("path.leaflet-interactive") && !element.closest(".leaflet-marker-icon"); }"""

INIT = """(() => {
    if (window.top !== window) return;
    const now = () => performance.timeOrigin + performance.now();
    window.__seen = {};
    window.__clickAt = null;
    document.addEventListener("pointerdown", () => { window.__clickAt = now(); }, {capture: true});
    const scan = () => {
        for (const h of document.querySelectorAll("h3")) {
            const text = h.textContent.trim();
            if (!(text in window.__seen)) window.__seen[text] = now();
        }
    };
    new MutationObserver(scan).observe(document, {subtree: true, childList: true, characterData: true});
})();"""
# In the map's frame, as bench/bench_browser.py does (an init script does not reach the component's frame).
STAMP_FRAME = """() => { window.__clickAt = null; document.addEventListener("pointerdown",
    () => { window.__clickAt = performance.timeOrigin + performance.now(); }, {capture: true, once: true}); }"""
RESET = "() => { window.__seen = {}; window.__clickAt = null; }"
# Streamlit shows its running icon while the script runs: settled once it has been gone for half a second.
SETTLED = """() => { const now = performance.now();
    if (document.querySelector('[data-testid="stStatusWidgetRunningIcon"]')) { window.__busyAt = now; return false; }
    return now - (window.__busyAt || 0) > 500; }"""
MAP_READY = ("() => window.map && document.querySelectorAll('path.leaflet-interactive').length >= 6 && "
             "document.querySelectorAll('.leaflet-marker-icon[title]').length >= 2")


class Atlas:
    """What a reader can pick, with the heading the panel shows for it in each language."""

    def __init__(self) -> None:
        index = build_index(ROOT / "seeds")
        places = index.gazetteer.places
        self.markers = [p for p in places.values() if p.summit or p.capital]  # always on the map
        self.place_heading = {(p.slug, lang): ("★ " if p.summit else "") + p.name(lang)
                              for p in places.values() for lang in ("en", "fr")}
        self.country_heading = {(c.iso3, lang): c.name(lang)
                                for c in index.gazetteer.countries.values() for lang in ("en", "fr")}
        self.themes = list(index.themes.values())
        article = sorted(index.corpus.articles.values(), key=lambda a: a.id)[0]
        # shared links and the heading each opens with
        self.links = [
            ("?place=xian", "★ Xi'an"), ("?country=uzb", "Uzbekistan"), ("?theme=connectivity&lang=fr",
                                                                           index.themes["connectivity"].label("fr")),
            ("?place=astana&theme=trade", "★ Astana"), ("?article=" + article.id, article.title),
            ("?country=KAZ&q=gaz", "Kazakhstan"), ("?lang=fr&place=tashkent", self.place_heading["tashkent", "fr"]),
        ]


class Stats:
    def __init__(self) -> None:
        self.times: dict[str, list[float]] = {"link": [], "marker": [], "country": [], "theme": []}
        self.errors: Counter[str] = Counter()
        self.examples: list[str] = []
        self.loops = 0
        self.covered = 0  # country clicks left out: every candidate point was under a marker or badge

    def error(self, kind: str, detail: str) -> None:
        self.errors[kind] += 1
        if len(self.examples) < 10:
            self.examples.append(f"{kind}: {detail[:200]}")


async def wait_heading(page, heading: str, kind: str, frame=None) -> float:
    """Seconds from the click (or, for a link, from navigation start) to `heading` appearing in the panel."""
    await page.wait_for_function("(h) => h in (window.__seen || {})", arg=heading, timeout=WAIT_MS)
    seen, clicked, origin = await page.evaluate(
        "(h) => [window.__seen[h], window.__clickAt, performance.timeOrigin]", heading)
    if frame is not None:
        clicked = await frame.evaluate("window.__clickAt")
    if kind == "link":
        clicked = origin
    if clicked is None:
        raise RuntimeError(f"{kind}: the click was not stamped")
    return (seen - clicked) / 1000


async def check_page(page, stats: Stats) -> None:
    if await page.locator('[data-testid="stException"]').count():
        stats.error("stException", await page.locator('[data-testid="stException"]').first.inner_text())


async def map_frame(page):
    frame = await (await page.wait_for_selector(MAP_IFRAME, timeout=WAIT_MS)).content_frame()
    await frame.wait_for_function(MAP_READY, timeout=WAIT_MS)
    return frame


async def click_map(page, frame, lat: float, lon: float) -> None:
    point = await frame.evaluate(f"window.map.latLngToContainerPoint([{lat}, {lon}])")
    box = await page.locator(MAP_IFRAME).bounding_box()
    await page.evaluate(RESET)
    await frame.evaluate(STAMP_FRAME)
    await page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


async def settle(page) -> None:
    try:
        await page.wait_for_function(SETTLED, timeout=WAIT_MS, polling=100)
    except PlaywrightError:
        pass  # the next action's own wait reports a stuck page


async def free_point(frame, candidates: list[tuple[float, float]]) -> tuple[float, float] | None:
    for point in candidates:
        if await frame.evaluate(ON_COUNTRY, list(point)):
            return point
    return None


async def language(page) -> str:
    return "fr" if "lang=fr" in await page.evaluate("window.location.href") else "en"


async def reader(number: int, browser, url: str, atlas: Atlas, stats: Stats, until: float,
                 max_loops: int | None = None) -> None:
    rng = random.Random(number)
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    await context.add_init_script(INIT)
    page = await context.new_page()
    page.on("pageerror", lambda error: stats.error("page error", str(error)))
    current = None  # what the panel shows: a new target must differ, or its heading would not be new

    async def step(kind: str, action, heading: str, frame=None) -> None:
        try:
            await action()
            stats.times[kind].append(await wait_heading(page, heading, kind, frame))
        except (PlaywrightError, RuntimeError) as error:
            stats.error("timeout" if "Timeout" in str(error) else "playwright", f"{kind} → {heading}: {error}")
        await check_page(page, stats)
        await settle(page)
        await asyncio.sleep(PAUSE_S)  # the reader reads

    try:
        loops = 0
        while time.monotonic() < until and loops != max_loops:
            loops += 1
            link, heading = atlas.links[(number + stats.loops) % len(atlas.links)]
            await step("link", lambda: page.goto(url + "/" + link, timeout=WAIT_MS), heading)
            current = heading
            try:
                frame = await map_frame(page)
            except PlaywrightError as error:
                stats.error("timeout", f"map not drawn: {error}")
                continue
            lang = await language(page)
            if await page.locator('[role="dialog"]').count():  # an article link: close it to see the map
                await page.keyboard.press("Escape")
                await page.locator('[role="dialog"]').wait_for(state="detached", timeout=WAIT_MS)
                await settle(page)

            place = rng.choice([p for p in atlas.markers if atlas.place_heading[p.slug, lang] != current])
            current = atlas.place_heading[place.slug, lang]
            await step("marker", lambda: click_map(page, frame, place.lat, place.lon), current, frame)

            iso3 = rng.choice(sorted(INSIDE))
            point = await free_point(frame, INSIDE[iso3])
            if point is None:
                stats.covered += 1
            else:
                current = atlas.country_heading[iso3, lang]
                await step("country", lambda: click_map(page, frame, *point), current, frame)

            theme = rng.choice(atlas.themes)
            current = theme.label(lang)
            await step("theme", lambda: pick_theme(page, theme.label(lang), lang), current)
            stats.loops += 1
    except Exception as error:  # noqa: BLE001 - a reader must report, not kill the run
        stats.error("reader crashed", repr(error))
    finally:
        await context.close()


async def pick_theme(page, label: str, lang: str) -> None:
    """Clear the selection (the theme's own panel has its label as heading), then choose the theme."""
    clear = page.get_by_role("button", name="Clear selection" if lang == "en" else "Effacer la sélection")
    if await clear.count():
        await clear.click(timeout=WAIT_MS)
        await page.wait_for_function("() => !document.querySelector('h3')", timeout=WAIT_MS)
    box = page.locator('[data-testid="stSelectbox"]').first
    await box.click(timeout=WAIT_MS)
    option = page.get_by_role("option", name=label, exact=True)
    await page.evaluate(RESET)
    await option.click(timeout=WAIT_MS)


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


async def sample_memory(pid: int, peak: list[int], stop: asyncio.Event) -> None:
    while not stop.is_set():
        peak[0] = max(peak[0], rss_kb(pid))
        await asyncio.sleep(0.5)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def run(sessions: int, seconds: float) -> int:
    atlas = Atlas()
    load_before = os.getloadavg()[0]  # the machine may be shared: say how busy it was
    server = StreamlitServer()
    stats = Stats()
    try:
        pid = server.process.pid
        idle = rss_kb(pid)
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            warm = Stats()  # one reader, one loop: imports and caches, not counted
            await reader(-1, browser, server.url, atlas, warm, time.monotonic() + WAIT_MS, max_loops=1)
            warmed = rss_kb(pid)
            peak, stop = [warmed], asyncio.Event()
            sampler = asyncio.create_task(sample_memory(pid, peak, stop))
            started = time.monotonic()
            await asyncio.gather(*(reader(n, browser, server.url, atlas, stats, started + seconds)
                                   for n in range(sessions)))
            elapsed = time.monotonic() - started
            stop.set()
            await sampler
            await browser.close()
        tracebacks = server.output().count("Traceback")
        if tracebacks:
            stats.error("server traceback", f"{tracebacks} in the server log")
    finally:
        server.stop()

    actions = sum(len(v) for v in stats.times.values())
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} at the end")
    print(f"{sessions} sessions for {seconds:.0f} s (ran {elapsed:.0f} s, the last loops finishing): "
          f"{stats.loops} loops, {actions} timed actions, {sum(stats.errors.values())} errors "
          f"{dict(stats.errors) or ''}; {stats.covered} country clicks left out (point covered)\n")
    print("| action → panel heading | n | p50 (s) | p95 (s) | max (s) |")
    print("|---|---|---|---|---|")
    for kind, label in (("link", "open a shared link"), ("marker", "marker click"),
                        ("country", "country click"), ("theme", "theme picked")):
        values = stats.times[kind]
        if values:
            print(f"| {label} | {len(values)} | {statistics.median(values):.2f} | {percentile(values, 0.95):.2f} "
                  f"| {max(values):.2f} |")
    all_clicks = stats.times["marker"] + stats.times["country"] + stats.times["theme"]
    if all_clicks:
        print(f"| all clicks | {len(all_clicks)} | {statistics.median(all_clicks):.2f} | "
              f"{percentile(all_clicks, 0.95):.2f} | {max(all_clicks):.2f} |")
    print(f"\nServer RSS: idle {idle / 1024:.0f} MB, warmed up {warmed / 1024:.0f} MB, peak {peak[0] / 1024:.0f} MB; "
          f"(peak − warmed) / {sessions} = {(peak[0] - warmed) / 1024 / sessions:.1f} MB per session")
    for example in stats.examples:
        print("  ", example)
    return 1 if stats.errors else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=120)
    args = parser.parse_args()
    return asyncio.run(run(args.sessions, args.seconds))


if __name__ == "__main__":
    sys.exit(main())
