"""Write a synthetic corpus of N articles (French and English) for the scale benchmarks.

Each article is in PRODUCT.md's format; its paragraphs are drawn from the seed articles (French)
and from English sentences naming the atlas's places, countries and themes, so the index has as
much to find per article as in the real corpus. Deterministic for a given N and --seed.

Run: .venv/bin/python bench/make_corpus.py --count 100000 /tmp/atlas100k/corpus (or: 10000 bench/out/corpus-10000)
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from corpus.articles import load_corpus  # noqa: E402
from corpus.gazetteer import load_gazetteer  # noqa: E402
from corpus.themes import load_themes  # noqa: E402

ENGLISH = [
    "Leaders met in {place} on {month} {day}, {year} to discuss {theme} with {country}.",
    "The {country} delegation said {theme} would top the agenda when ministers gather in {place}.",
    "Officials from {country} and China signed agreements on {theme}, according to a statement from {place}.",
    "Analysts in {place} expect trade between China and Central Asia to grow by {pct}% next year.",
    "A new railway and highway corridor will link {place} to the Caspian ports, easing logistics.",
    "Students from {country} will study at universities in Xi'an under the exchange programme.",
    "The summit in Astana ended with a treaty of good-neighbourliness signed by the six presidents.",
]
MONTHS = ["January", "March", "May", "June", "September", "November"]
THEME_WORDS = ["trade", "investment", "connectivity", "green mining", "agriculture", "poverty reduction",
               "desertification", "the digital economy", "peace and stability", "the Belt and Road Initiative"]


def write_corpus(count: int, folder: Path, seed: int = 7) -> Path:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    seeds = load_corpus(ROOT / "seeds").articles.values()
    french = [p for article in seeds for p in article.paragraphs if len(p) > 80]
    gazetteer = load_gazetteer()
    places = [p.name("en") for p in gazetteer.places.values()]
    countries = [c.name("en") for c in gazetteer.countries.values()]
    assert load_themes(), "themes.yaml is empty"
    for number in range(count):
        year = rng.randint(2013, 2025)
        published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if rng.random() < 0.5:
            language, paragraphs = "fr", rng.sample(french, 6)
        else:
            language = "en"
            paragraphs = [" ".join(rng.choice(ENGLISH).format(
                place=rng.choice(places), country=rng.choice(countries), theme=rng.choice(THEME_WORDS),
                month=rng.choice(MONTHS), day=rng.randint(1, 28), year=year, pct=rng.randint(2, 30))
                for _ in range(3)) for _ in range(6)]
        title = f"Synthetic article {number} about {rng.choice(places)}"
        text = (f'---\ntitle: "{title}"\npublished: {published}\nlanguage: {language}\n'
                f'source: "Bench generator"\n---\n\n' + "\n\n".join(paragraphs) + "\n")
        (folder / f"bench-{number:05d}.md").write_text(text, encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("where", nargs="+", help="FOLDER (with --count), or COUNT FOLDER")
    parser.add_argument("--count", type=int)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    count = args.count if args.count is not None else int(args.where[0])
    folder = Path(args.where[-1])
    write_corpus(count, folder, args.seed)
    print(f"{count} articles in {folder}")


if __name__ == "__main__":
    main()
