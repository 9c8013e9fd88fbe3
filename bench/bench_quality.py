"""Recognition quality on the labelled sets: precision and recall per category and per language,
each set apart, with every miss.

Sets: `seed` (tests/data/labelled.yaml, written while the first rules were tuned), `tune`
(tests/fixtures/news/tune.yaml, news-style, the part rules and the theme model are tuned on) and
`heldout` (tests/fixtures/news/heldout.yaml, written with `tune`, scored once at the end: only
with --heldout). Russian and Chinese (tests/data/labelled_ru_zh.yaml) join `tune`, their
`set: heldout` quarter `heldout`. `fresh` (tests/fixtures/news/fresh.yaml, all four languages,
written on 2026-12-02 by a writer who saw neither the rules nor the other sets; only with --fresh):
scored once, then tuned on, like `heldout` before it. `fresh2` (tests/fixtures/news/fresh2.yaml, a
second writer, 2026-12-02; only with --fresh2): scored once after that tuning, then tuned on.
`fresh3` (tests/fixtures/news/fresh3.yaml, a third writer; only with --fresh3): scored once after
tuning on fresh2, then tuned on. `fresh4` (a fourth writer; only with --fresh4): scored once after
tuning on fresh3, then trained on. `fresh5` (a fifth writer, 20 ru and zh articles among its 30;
only with --fresh5): scored once after training on fresh4, then trained on. `fresh6` (a sixth
writer, 244 sentences; only with --fresh6): scored once after training on fresh5, then trained on.
`fresh7` (a seventh writer, 247 sentences, written from tests/fixtures/news/CONVENTION.md; only
with --fresh7): scored once after round 7 (training on fresh6); never trained on.

Run: .venv/bin/python bench/bench_quality.py [--lang fr|en|ru|zh] [--heldout] [--fresh] … [--fresh7] [--terms-only] [--misses]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from corpus.gazetteer import load_gazetteer  # noqa: E402
from corpus.meaning import theme_model  # noqa: E402
from corpus.quality import evaluate, load_labelled, table  # noqa: E402
from corpus.recognise import Recogniser  # noqa: E402
from corpus.themes import load_themes  # noqa: E402

# the writers' sets, in the order they were written (each scored once, then tuned on, but the newest)
FRESH = ("fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7")
SETS = {"seed": ROOT / "tests" / "data" / "labelled.yaml",
        "tune": ROOT / "tests" / "fixtures" / "news" / "tune.yaml",
        "heldout": ROOT / "tests" / "fixtures" / "news" / "heldout.yaml",
        **{name: ROOT / "tests" / "fixtures" / "news" / f"{name}.yaml" for name in FRESH}}
RU_ZH = ROOT / "tests" / "data" / "labelled_ru_zh.yaml"
LANGUAGES = {"fr+en": ("fr", "en"), "fr": ("fr",), "en": ("en",), "ru": ("ru",), "zh": ("zh",)}


def labelled(name: str) -> list[dict]:
    """The set's sentences; Russian and Chinese ones in `tune` or `heldout` by their `set` field."""
    ru_zh = [i for i in load_labelled(RU_ZH) if name in ("tune", "heldout") and (i.get("set") == "heldout") == (name == "heldout")]
    return load_labelled(SETS[name]) + ru_zh


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", choices=("fr", "en", "ru", "zh"))
    parser.add_argument("--heldout", action="store_true", help="also score the held-out set (once, at the end)")
    for number, name in enumerate(FRESH, start=1):
        parser.add_argument(f"--{name}", action="store_true", help=f"also score writer {number}'s set ({name}.yaml)")
    parser.add_argument("--terms-only", action="store_true", help="themes by terms alone, without the model")
    parser.add_argument("--misses", action="store_true", help="print every false and missed key")
    args = parser.parse_args()
    recogniser = Recogniser(load_gazetteer(), load_themes(), None if args.terms_only else theme_model())
    for name in SETS:
        if name in ("heldout", *FRESH) and not getattr(args, name):
            continue
        items = labelled(name)
        for language in ([args.lang] if args.lang else LANGUAGES):
            part = [i for i in items if i["lang"] in LANGUAGES[language]]
            if not part:
                continue
            print(f"\n{name} set, {language}: {len(part)} sentences")
            scores = evaluate(recogniser, part)
            print(table(scores))
            if args.misses and language in ("fr+en", "ru", "zh", args.lang):
                for category, score in scores.items():
                    label = category[:-1] if category != "region" else category
                    for key, text in score.false_positives:
                        print(f"  false {label}: {key!r} in {text!r}")
                    for key, text in score.false_negatives:
                        print(f"  missed {label}: {key!r} in {text!r}")


if __name__ == "__main__":
    main()
