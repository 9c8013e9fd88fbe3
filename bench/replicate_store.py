"""A large corpus and its store without analysing every article again: the articles of a built
folder copied N times under new ids (`copy<k>-<id>.md`, same bytes and modification time), and
the store's rows copied with them (sentence ids shifted, file names and article ids renamed).

The analysis of an article does not depend on its id, so these are the rows a build of the copied
folder would write (a restart reads no file): what the scale benchmark needs when a first build
of 100,000 distinct articles does not fit in the time at hand. Measured figures made on such a
corpus must say so.

Run: .venv/bin/python bench/replicate_store.py /tmp/atlas100k/corpus /tmp/atlas100k/replicated --copies 10
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from corpus.store import SENTENCE_BITS, STORE_NAME, CorpusStore, kept_counts  # noqa: E402

MASK = (1 << SENTENCE_BITS) - 1


def replicate(source: Path, target: Path, copies: int, articles: int | None = None) -> int:
    target.mkdir(parents=True, exist_ok=True)
    for path in target.glob(Path(STORE_NAME).stem + "*"):
        path.unlink()
    built = sqlite3.connect(f"file:{source / STORE_NAME}?mode=ro", uri=True)
    names = [name for (name,) in built.execute("SELECT name FROM files ORDER BY name")][:articles]
    db = sqlite3.connect(target / STORE_NAME)
    built.backup(db)
    built.close()
    last, = db.execute(f"SELECT max(first + count - 1) FROM files WHERE name IN ({','.join('?' * len(names))})",
                       names).fetchone()  # the first `articles` files' rows (a first build writes them in file order)
    db.execute(f"DELETE FROM files WHERE name NOT IN ({','.join('?' * len(names))})", names)
    for table, column in (("sentences", "id"), ("ranks", "sentence"), ("panels", "sentence"), ("theme_ties", "sentence"),
                          ("dated", "sentence"), ("figures", "sentence"), ("summit_facts", "sentence")):
        db.execute(f"DELETE FROM {table} WHERE {column} > ?", (last,))
    db.execute(f"DELETE FROM found_people WHERE file NOT IN ({','.join('?' * len(names))})", names)
    db.execute(f"DELETE FROM words WHERE ({MASK} - (rowid & {MASK})) > ?", (last,))
    db.commit()
    for name in names:  # the originals, then their copies: same bytes, same time
        original = source / name
        stat = original.stat()
        for k in range(copies):
            copy = target / (name if k == 0 else f"copy{k}-{name}")
            if not copy.exists():
                shutil.copyfile(original, copy)
            os.utime(copy, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    shift = last + 1
    for k in range(1, copies):
        off, prefix = k * shift, f"copy{k}-"
        db.execute("BEGIN")
        db.execute("INSERT INTO files SELECT ? || name, mtime_ns, size, "
                   "CASE WHEN article IS NULL THEN NULL ELSE json_set(article, '$.id', ? || article_id) END, skipped, "
                   "? || article_id, ? || id_key, published, first + ?, count FROM files WHERE name NOT LIKE 'copy%'",
                   (prefix, prefix, prefix, prefix, off))
        db.execute("INSERT INTO sentences SELECT id + ?, ? || file, ? || article, paragraph, number, start, end, text, "
                   "mentions, date, reading FROM sentences WHERE id <= ?", (off, prefix, prefix, last))
        db.execute("INSERT INTO ranks SELECT selection, score, date, sentence + ?, grp FROM ranks WHERE sentence <= ?",
                   (off, last))
        db.execute("INSERT INTO panels SELECT selection, place, date, sentence + ?, score, grp FROM panels "
                   "WHERE sentence <= ?", (off, last))
        db.execute("INSERT INTO found_people SELECT slug, ? || file, person FROM found_people WHERE file NOT LIKE 'copy%'",
                   (prefix,))
        db.execute("INSERT INTO theme_ties SELECT theme, target, date, sentence + ? FROM theme_ties WHERE sentence <= ?",
                   (off, last))
        db.execute("INSERT INTO dated SELECT sentence + ?, position, ? || article, date, status, start, end, basis, vals, entry "
                   "FROM dated WHERE sentence <= ?", (off, prefix, last))
        db.execute("INSERT INTO figures SELECT sentence + ?, position, value, kind, scale, unit, about, year, start, end "
                   "FROM figures WHERE sentence <= ?", (off, last))
        db.execute("INSERT INTO summit_facts SELECT venue, kind, CASE kind WHEN 'sentence' THEN ? || key ELSE key END, "
                   "language, label, date, sentence + ? FROM summit_facts WHERE sentence <= ?", (prefix, off, last))
        db.execute(f"INSERT INTO words (rowid, text) SELECT ((rowid >> {SENTENCE_BITS}) << {SENTENCE_BITS}) "
                   f"| ({MASK} - (({MASK} - (rowid & {MASK})) + ?)), text FROM words WHERE ({MASK} - (rowid & {MASK})) <= ?",
                   (off, last))
        db.execute("COMMIT")
        print(f"copy {k} of {copies - 1} written", flush=True)
    db.execute("UPDATE sqlite_sequence SET seq = (SELECT max(id) FROM sentences) WHERE name = 'sentences'")
    db.commit()
    db.close()
    # the sentence vectors are kept by text (corpus.meaning.VectorCache): the copies' are the originals'
    vectors = Path(STORE_NAME).stem + "-vectors.sqlite"
    if (source / vectors).exists():
        shutil.copyfile(source / vectors, target / vectors)
    store = CorpusStore(target)  # the kept counts, counted once for the new rows
    with store._writing() as connection:
        for kept in kept_counts():
            kept.write(connection)  # new, so stale: counted
    store.close()
    return len(names) * copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--articles", type=int, help="only the first N built files (in file-name order)")
    args = parser.parse_args()
    start = time.perf_counter()
    count = replicate(args.source, args.target, args.copies, args.articles)
    print(f"{count} articles in {args.target} in {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
