"""Page open → map drawn, marker click → panel, country click → panel, in Debian's Chromium,
for the atlas and for a bare st_folium page (bench/bare_app.py) side by side in the same run.
Also the bytes the browser receives when opening each page.

Two ways of timing the open, both reported:
- in the page: from the document's time origin to the moment all six countries and the markers are
  in the map's DOM, in a fresh browser context (nothing cached);
- neutral, as a reader's wait: wall-clock time from `page.goto()` to the first country path of the
  map visible, in a new page of a context that has opened the page before (as a returning reader,
  the browser's cache warm), timed from outside the page.

Run: .venv/bin/python bench/bench_browser.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.server import StreamlitServer  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
KAZAKHSTAN_POINT = [46.5, 72.5]


# Timing happens in the page: a capturing pointerdown listener in the map's frame stamps the click,
# a MutationObserver in the page stamps the first moment the panel shows the answer. (Playwright's
# own waits poll with back-off, which adds up to half a second of its own to what is measured.)
ARM = """([frameClick, predicate]) => {
    window.__done = null;
    const check = new Function("return " + predicate);
    new MutationObserver((_, observer) => {
        if (!window.__done && check()) { window.__done = performance.timeOrigin + performance.now(); observer.disconnect(); }
    }).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""
STAMP_CLICK = """() => { window.__clickAt = null; document.addEventListener("pointerdown",
    () => { window.__clickAt = performance.timeOrigin + performance.now(); }, {capture: true, once: true}); }"""
ATLAS_DONE = "[...document.querySelectorAll('h3')].some(h => h.textContent.trim() === {name!r})"
BARE_DONE = "document.body.textContent.includes({text!r})"


def timed_click(page, frame, x: float, y: float, predicate: str) -> float:
    page.evaluate(ARM, [None, predicate])
    frame.evaluate(STAMP_CLICK)
    box = page.locator(MAP_IFRAME).bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.wait_for_function("window.__done !== null")
    return (page.evaluate("window.__done") - frame.evaluate("window.__clickAt")) / 1000


def one_round(browser, url: str, atlas: bool, timeout_ms: float = 30_000) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(timeout_ms)
    received = {"http": 0, "ws": 0}
    page.on("response", lambda r: received.__setitem__("http", received["http"] + int(r.headers.get("content-length") or 0)))
    page.on("websocket", lambda ws: ws.on(
        "framereceived", lambda payload: received.__setitem__("ws", received["ws"] + len(payload))))
    try:
        page.goto(url)
        frame = page.wait_for_selector(MAP_IFRAME).content_frame()
        frame.wait_for_function("document.querySelectorAll('path.leaflet-interactive').length >= 6")
        frame.wait_for_function("document.querySelectorAll('.leaflet-marker-icon[title]').length >= 2")
        drawn = frame.evaluate("performance.timeOrigin + performance.now()")
        opened = (drawn - page.evaluate("performance.timeOrigin")) / 1000
        bytes_on_open = dict(received)
        page.wait_for_timeout(1500)  # let the component's first report and its rerun settle

        astana = frame.evaluate("window.map.latLngToContainerPoint([51.1801, 71.4460])")
        marker = timed_click(page, frame, astana["x"], astana["y"],
                             ATLAS_DONE.format(name="★ Astana") if atlas else BARE_DONE.format(text="clicked 51.1801"))
        page.wait_for_timeout(500)
        inside = frame.evaluate(f"window.map.latLngToContainerPoint({KAZAKHSTAN_POINT})")
        country = timed_click(page, frame, inside["x"], inside["y"],
                              ATLAS_DONE.format(name="Kazakhstan") if atlas else BARE_DONE.format(text="clicked 46."))
        return {"open": opened, "marker": marker, "country": country,
                "http_kb": bytes_on_open["http"] / 1024, "ws_kb": bytes_on_open["ws"] / 1024}
    finally:
        context.close()


def neutral_open(context, url: str, timeout_ms: float = 30_000) -> float:
    """Seconds from page.goto() to the first country of the map visible, in a new page."""
    page = context.new_page()
    page.set_default_timeout(timeout_ms)
    try:
        started = time.perf_counter()
        page.goto(url)
        page.frame_locator(MAP_IFRAME).locator("path.leaflet-interactive").first.wait_for(state="visible")
        return time.perf_counter() - started
    finally:
        page.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    results: dict[str, list[dict[str, float]]] = {"atlas": [], "bare": []}
    atlas_server = StreamlitServer(ROOT / "app.py")
    bare_server = StreamlitServer(ROOT / "bench" / "bare_app.py")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            contexts = {}
            for server, atlas in ((atlas_server, True), (bare_server, False)):
                one_round(browser, server.url, atlas)  # warm-up: first imports and caches
                contexts[atlas] = browser.new_context(viewport={"width": 1280, "height": 900})
                neutral_open(contexts[atlas], server.url)  # warm-up of the neutral probe's context
            for _ in range(rounds):  # alternate, so both share the machine's ups and downs
                for server, atlas, name in ((atlas_server, True, "atlas"), (bare_server, False, "bare")):
                    result = one_round(browser, server.url, atlas)
                    result["neutral_open"] = neutral_open(contexts[atlas], server.url)
                    results[name].append(result)
            browser.close()
    finally:
        atlas_server.stop()
        bare_server.stop()

    print(f"Chromium, {rounds} rounds each after one warm-up, medians (seconds; KB received while opening)\n")
    print("| measure | atlas | bare st_folium | ratio |")
    print("|---|---|---|---|")
    for key, label in (("open", "page open → map drawn, in the page, fresh context (s)"),
                       ("neutral_open", "page open → first country visible, neutral probe (s)"), ("marker", "marker click → panel (s)"),
                       ("country", "country click → panel (s)"), ("http_kb", "HTTP received on open (KB)"),
                       ("ws_kb", "websocket received on open (KB)")):
        atlas = statistics.median(r[key] for r in results["atlas"])
        bare = statistics.median(r[key] for r in results["bare"])
        print(f"| {label} | {atlas:.2f} | {bare:.2f} | {atlas / bare:.2f}× |")


if __name__ == "__main__":
    main()
