"""Build (or bring up to date) a folder's corpus store, printing progress: the first build of a
large corpus, timed. Interrupt it (Ctrl-C) and run it again: it goes on from the last batch.

Run: .venv/bin/python bench/build_store.py /tmp/atlas100k/corpus
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from corpus.build import update_store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--every", type=int, default=5_000, help="print progress every N files")
    args = parser.parse_args()
    start = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if done % args.every == 0 or done == total:
            print(f"{time.perf_counter() - start:8.1f} s  {done:>7} / {total} files", flush=True)

    update_store(args.folder, progress).close()
    print(f"done in {time.perf_counter() - start:.1f} s", flush=True)


if __name__ == "__main__":
    main()
