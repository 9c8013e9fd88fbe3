"""What the close reading costs on a generated corpus: the build (where each article is read
closely, `corpus.reader`), then the first open of a venue's panel, a country's, a person's (a
count and the first six excerpts, as the panel shows them: a query of the store), the summits page
and the timeline (worked out once per index, then cached).

Run: .venv/bin/python bench/bench_reading_speed.py [ARTICLES]   (default 2000; bench/make_corpus.py's articles)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.make_corpus import write_corpus  # noqa: E402
from corpus.build import build_index  # noqa: E402
from corpus.reading import reading_of  # noqa: E402
from present.selection import selection_excerpts  # noqa: E402
from present.summits import summit_sheet  # noqa: E402
from present.timeline import all_entries  # noqa: E402
from present.view import View  # noqa: E402


def timed(label: str, work) -> None:
    start = time.perf_counter()
    size = work()
    print(f"{label:<32} {time.perf_counter() - start:7.2f} s   ({size})")


def shown(excerpts) -> int:
    excerpts[:6]  # made as the panel shows them
    return len(excerpts)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as folder:
        write_corpus(count, Path(folder))
        start = time.perf_counter()
        index = build_index(folder)
        print(f"{count} articles, {len(index.sentences)} sentences, built in {time.perf_counter() - start:.1f} s")
        for view in (View(place="astana"), View(country="KAZ"), View(person="xi-jinping"), View(place="almaty")):
            name = view.place or view.country or view.person
            timed(f"panel {name} (first)", lambda: shown(selection_excerpts(view, index)))
            timed(f"panel {name} (again)", lambda: shown(selection_excerpts(view, index)))
        timed("summits page (both sheets)", lambda: sum(len(summit_sheet(index, v, "en").sentences)
                                                       for v in ("xian", "astana")))
        timed("timeline", lambda: len(all_entries(index)))
        print(f"articles whose reading was read back from the store: {len(reading_of(index)._articles)} "
              f"of {len(index.corpus.articles)}")


if __name__ == "__main__":
    main()
