"""Reading articles: the seed corpus, the front matter rules and every way a file can be unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.articles import ArticleError, load_corpus, parse_article
from tests.conftest import SEEDS, article_text

ORIGINALS = Path(__file__).parent / "data" / "originals"


def test_the_three_seeds_load_with_their_front_matter():
    corpus = load_corpus(SEEDS)
    assert corpus.skipped == ()
    assert set(corpus.articles) == {"000_cb61f1babf2667c4", "002_a5791866ed85a95e", "003_118fb2841e588470"}
    first, release, announcement = (corpus.articles[k] for k in sorted(corpus.articles))
    assert (first.published, first.source, first.language) == ("2023-05", "unknown", "fr")
    assert release.published == "2025-06-19" and "GlobeNewswire" in release.source
    assert release.url.startswith("https://news.cgtn.com/")
    assert announcement.published == "2025-06-13" and "Xinhua" in announcement.source
    assert "inferred" in first.note and "inferred" in announcement.note
    assert "dateline" in release.note


@pytest.mark.parametrize("original", sorted(ORIGINALS.glob("*.txt")), ids=lambda p: p.stem)
def test_seed_body_is_word_for_word_the_text_received(original: Path):
    article = load_corpus(SEEDS).articles[original.stem]
    assert article.body.split() == original.read_text(encoding="utf-8").split()


def test_english_article_and_month_only_date_are_accepted():
    article = parse_article("x", article_text("Title", "One.\n\nTwo.", published="2024-02").encode())
    assert (article.language, article.published, article.paragraphs) == ("en", "2024-02", ("One.", "Two."))


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        ("Just text, no front matter".encode(), "no front matter"),
        (b"---\ntitle: [unclosed\n---\n\nBody", "not valid YAML"),
        (b"---\npublished: 2024-01-01\nlanguage: en\n---\n\nBody", "missing required field(s): title"),
        (b"---\ntitle: T\npublished: 2024-13-01\nlanguage: en\n---\n\nBody", "not valid YAML (month must be"),
        (b"---\ntitle: T\npublished: 2024-13\nlanguage: en\n---\n\nBody", "published must be"),
        (b"---\ntitle: T\npublished: 2024-01-01\nlanguage: de\n---\n\nBody", "language must be fr, en, ru or zh"),
        (b"---\ntitle: T\npublished: 2024-01-01\nlanguage: en\n---\n\n", "no body text"),
        ("---\ntitle: é\n---\n".encode("latin-1"), "not UTF-8"),
        (b"\x00\x01\x02binary", "binary"),
        (b"---\n- a list\n---\n\nBody", "not a set of"),
        (b"---\ntitle: '   '\npublished: 2024-01-01\nlanguage: en\n---\n\nBody", "missing required field(s): title"),
        (b"---\ntitle: " + b"[" * 5000 + b"\n---\n\nBody", "not valid YAML"),
        (b"---\ntitle: [a, b]\npublished: 2024-01-01\nlanguage: en\n---\n\nBody", "title must be a single value"),
        (b"---\ntitle: T\npublished: 2024-01-01\nlanguage: en\nsource: " + b"x" * 3000 + b"\n---\n\nB", "source is longer"),
    ],
)
def test_unreadable_articles_say_why(raw: bytes, reason: str):
    with pytest.raises(ArticleError, match=None) as error:
        parse_article("bad", raw)
    assert reason in str(error.value)


def test_a_yaml_alias_bomb_is_refused_not_expanded():
    bomb = "a0: &a0 [" + ",".join(["xxxxxxxxxx"] * 10) + "]\n"
    for level in range(1, 6):
        bomb += f"a{level}: &a{level} [" + ",".join([f"*a{level - 1}"] * 10) + "]\n"
    raw = f"---\n{bomb}title: *a5\npublished: 2024-01-01\nlanguage: en\n---\n\nBody".encode()
    with pytest.raises(ArticleError, match="title must be a single value"):
        parse_article("bomb", raw)


def test_a_broken_file_is_skipped_by_name_and_the_others_still_load(seeds_copy: Path):
    (seeds_copy / "zz_broken.md").write_bytes(b"---\ntitle: [\n---\nbody")
    (seeds_copy / "zz_latin1.md").write_bytes("---\ntitle: é\n---\n".encode("latin-1"))
    corpus = load_corpus(seeds_copy)
    assert len(corpus.articles) == 3
    assert [s.name for s in corpus.skipped] == ["zz_broken.md", "zz_latin1.md"]
