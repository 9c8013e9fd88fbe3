"""Every benchmark in bench/, one after the other; each prints its own table.

Run: make bench   (or .venv/bin/python bench/run_all.py)
The load test is apart (`make load`): it keeps the machine busy for minutes.
"""

from __future__ import annotations

import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ["bench_apptest.py", "bench_browser.py", "bench_export.py", "bench_quality.py", "bench_text.py",
              "bench_corpus.py", "bench_links.py"]


def main() -> int:
    print(f"Machine: {platform.machine()}, {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} "
          f"cores, Python {platform.python_version()}\n")
    failed = 0
    for script in BENCHMARKS:
        print(f"## {script}\n", flush=True)
        failed |= subprocess.run([sys.executable, str(HERE / script)]).returncode
        print(flush=True)
    return failed


if __name__ == "__main__":
    sys.exit(main())
