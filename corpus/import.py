"""Turn article files without front matter (.txt, .html, .pdf, .docx) into `seeds/<id>.md` with the
inferred front matter written out, for a reader who wants to check and correct it:

    python -m corpus.import FILE… [--into seeds/] [--force]

Each `.md` is written beside its file, or into `--into`; an existing `.md` is kept unless `--force`.
The fields that were inferred are listed in `inferred:` (delete a name once you have checked it)
and explained in `note:`. Exit status 1 if any file could not be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from corpus.articles import Article, SkippedFile, read_article


def front_matter_file(article: Article) -> str:
    """The article as a `.md`: JSON strings are valid YAML double-quoted scalars, so any title,
    quote or colon is written safely."""
    lines = ["---", f"title: {json.dumps(article.title, ensure_ascii=False)}", f"published: {article.published}",
             f"language: {article.language}"]
    if article.source != "unknown":
        lines.append(f"source: {json.dumps(article.source, ensure_ascii=False)}")
    for key in ("url", "note"):
        if value := getattr(article, key):
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    if article.inferred:
        lines.append(f"inferred: {json.dumps(', '.join(article.inferred))}")
    return "\n".join([*lines, "---", "", "\n\n".join(article.paragraphs), ""])


def import_file(path: Path, into: Path | None, force: bool = False) -> tuple[Path | None, str]:
    """Write `path` as a `.md`; (where it was written or None, what to tell the reader)."""
    if path.suffix.lower() == ".md":
        return None, f"{path.name}: already a .md, left as it is"
    target = (into or path.parent) / f"{path.stem}.md"
    if target.exists() and not force:
        return None, f"{path.name}: {target} exists, kept (--force to replace it)"
    read = read_article(path)
    if isinstance(read, SkippedFile):
        return None, f"{path.name} could not be read:\n" + "\n".join(f"  - {p}" for p in read.problems)
    target.write_text(front_matter_file(read), encoding="utf-8")
    inferred = f" (inferred: {', '.join(read.inferred)}; check them)" if read.inferred else ""
    return target, f"{path.name} → {target}{inferred}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corpus.import", description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help=".txt, .html, .htm, .pdf or .docx files")
    parser.add_argument("--into", type=Path, help="folder to write the .md files to (default: beside each file)")
    parser.add_argument("--force", action="store_true", help="replace a .md that already exists")
    args = parser.parse_args(argv)
    if args.into and not args.into.is_dir():
        parser.error(f"--into {args.into}: not a folder")
    failed = False
    for path in args.files:
        if not path.is_file():
            print(f"{path}: no such file", file=sys.stderr)
            failed = True
            continue
        written, message = import_file(path, args.into, args.force)
        print(message, file=sys.stdout if written or "could not" not in message else sys.stderr)
        failed = failed or (written is None and "could not" in message)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
