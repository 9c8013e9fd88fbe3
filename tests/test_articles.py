"""Reading articles: the seed corpus, the front matter rules and every way a file can be unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as hs

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


# --- hostile files: each test runs the read in a child process with a bound on its time and
# memory, so that it ends because the reader refused (a reader that expanded or waited would be
# killed by the bound, and the test would fail), never because the machine was fast.
READ_IN_CHILD = """
import resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))
sys.path.insert(0, sys.argv[1])
from corpus.articles import load_corpus
corpus = load_corpus(Path(sys.argv[2]))
for skipped in corpus.skipped:
    print(f"SKIPPED {skipped.name!r}: {skipped.reason}")
print("ARTICLES", sorted(corpus.articles))
"""


def read_in_child(folder: Path) -> tuple[list[str], str]:
    import subprocess
    import sys

    from tests.conftest import ROOT

    done = subprocess.run([sys.executable, "-c", READ_IN_CHILD, str(ROOT), str(folder)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    return [line for line in lines if line.startswith("SKIPPED")], lines[-1]


def alias_bomb(depth: int = 9, width: int = 9) -> str:
    lines = ["a0: &a0 [\"lol\"]"]
    for level in range(1, depth + 1):
        lines.append(f"a{level}: &a{level} [" + ", ".join(f"*a{level - 1}" for _ in range(width)) + "]")
    return "\n".join(lines) + f"\ntitle: *a{depth}\npublished: 2025-06-20\nlanguage: en\n"


def test_a_yaml_alias_bomb_is_refused_without_being_expanded(tmp_path: Path):
    """500 bytes that expand to 9^9 strings: it took a minute of CPU and 3 GB before it was refused."""
    text = f"---\n{alias_bomb()}---\n\nAstana.\n"
    assert len(text) < 1_000
    (tmp_path / "bomb.md").write_text(text)
    (tmp_path / "deeper.md").write_text(f"---\n{alias_bomb(12)}---\n\nAstana.\n")
    skipped, articles = read_in_child(tmp_path)
    assert sorted(skipped) == ["SKIPPED 'bomb.md': title must be a single value, not a list or mapping",
                               "SKIPPED 'deeper.md': title must be a single value, not a list or mapping"]
    assert articles == "ARTICLES []"


def test_a_fifo_in_the_folder_is_named_and_never_waited_for(tmp_path: Path):
    """A FIFO named like an article blocked the first read for ever: every page hung."""
    import os

    os.mkfifo(tmp_path / "stuck.md")
    (tmp_path / "kept.md").write_text(article_text("Kept", "Astana hosts it."))
    skipped, articles = read_in_child(tmp_path)
    assert skipped == ["SKIPPED 'stuck.md': not a regular file (a FIFO, device or socket)"]
    assert articles == "ARTICLES ['kept']"


def test_links_names_and_suffixes_each_skipped_file_named_once(tmp_path: Path):
    """A link to a file outside the folder was published; dangling links and *.MD were ignored
    without a word; a name with a space at either end was counted but could not be opened."""
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.md").write_text(article_text("Secret", "Astana, not for publication."))
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "kept.md").write_text(article_text("Kept", "Astana hosts it."))
    (folder / "secret.md").symlink_to(outside / "secret.md")
    (folder / "inside.md").symlink_to(folder / "kept.md")  # a link within the folder is an article
    (folder / "gone.md").symlink_to(folder / "nowhere.md")
    (folder / " spaced.md").write_text(article_text("Spaced", "Astana again."))
    (folder / "trailing .md").write_text(article_text("Trailing", "Astana again."))
    (folder / "LOUD.MD").write_text(article_text("Loud", "Astana, in capitals."))
    skipped, articles = read_in_child(folder)
    names = [line.split("'")[1] for line in skipped]
    assert sorted(names) == sorted([" spaced.md", "gone.md", "secret.md", "trailing .md"])  # each once
    assert any("'secret.md': a link to a file outside the articles folder" in line for line in skipped)
    assert any("'gone.md': cannot be read" in line for line in skipped)
    assert all("name starts or ends with a space" in line for line in skipped if "spaced" in line or "trailing" in line)
    assert articles == "ARTICLES ['LOUD', 'inside', 'kept']"


# --- fuzz: any front matter and body, the reader answers an Article or an ArticleError, nothing else ---
YAML_PIECES = ["title: ", "published: ", "language: ", "source: ", "url: ", "note: ", "&a ", "*a", "[", "]", "{", "}",
               "- ", "!!python/object:os.system ", "!!binary ", "2025-06-20", "en", "fr", "'", '"', "\n", "  ", ": ",
               "? ", "|", ">", "%YAML 1.1\n", "---\n", "\u202e", "www.x.com", "\x00", "\ufeff"]


@settings(max_examples=300, deadline=None)
@given(hs.lists(hs.one_of(hs.sampled_from(YAML_PIECES), hs.text(max_size=8)), max_size=40).map("".join),
       hs.text(max_size=200))
def test_any_front_matter_is_an_article_or_a_clear_refusal(front, body):
    raw = f"---\n{front}\n---\n\n{body}\n".encode("utf-8", "surrogatepass")
    try:
        article = parse_article("fuzz", raw)
    except ArticleError as error:
        assert str(error) and "Traceback" not in str(error)
    else:
        assert article.title.strip() and article.language in ("en", "fr") and article.paragraphs


@pytest.mark.parametrize("suffix", [".txt", ".html", ".pdf", ".docx"])
def test_files_without_front_matter_are_read_with_the_same_care(tmp_path: Path, suffix: str):
    """The .txt, .html, .pdf and .docx readers take their bytes from the one bounded read of .md
    files: a FIFO, a link to a file outside the folder and a name with a space are refused alike."""
    import os

    outside = tmp_path / "private"
    outside.mkdir()
    (outside / f"secret{suffix}").write_text("ASTANA, June 17 (AFP) - Not for publication, in Astana.")
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "kept.md").write_text(article_text("Kept", "Astana hosts it."))
    os.mkfifo(folder / f"stuck{suffix}")
    (folder / f"secret{suffix}").symlink_to(outside / f"secret{suffix}")
    (folder / f" spaced{suffix}").write_text("ASTANA, June 17 (AFP) - Leaders met in Astana.")
    skipped, articles = read_in_child(folder)
    assert sorted(skipped) == [f"SKIPPED ' spaced{suffix}': its name starts or ends with a space: rename the file",
                               f"SKIPPED 'secret{suffix}': a link to a file outside the articles folder",
                               f"SKIPPED 'stuck{suffix}': not a regular file (a FIFO, device or socket)"]
    assert articles == "ARTICLES ['kept']"


def test_an_upper_case_suffix_is_read_for_every_format(tmp_path: Path):
    (tmp_path / "LOUD.TXT").write_text("ASTANA, June 17 (AFP) - The leaders of six countries met in Astana on "
                                       "Tuesday for the second summit.\n\nThey signed a treaty.")
    skipped, articles = read_in_child(tmp_path)
    assert skipped == [] and articles == "ARTICLES ['LOUD']"
