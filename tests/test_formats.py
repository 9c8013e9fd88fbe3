"""Articles as they come: .txt, saved web pages, PDF and Word files beside the .md, their missing
fields inferred and marked, bounded reading of hostile files, and `python -m corpus.import`."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from corpus.articles import ArticleError, load_corpus, parse_article, read_article
from corpus.build import build_index
from corpus.infer import find_dateline, shorten
from tests.conftest import ROOT, SEEDS, article_text
from tests.fixtures.documents import make_docx, make_pdf, make_zip_bomb

FIXTURES = Path(__file__).parent / "fixtures"
RECEIVED = Path(__file__).parent / "data" / "originals"  # the seeds as received (../shared/seeds/*.txt)


def copy(names: list[str], folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    return folder


def analysis(index) -> list[tuple[str, str, tuple[tuple[str, str], ...]]]:
    return [(s.article_id, s.text, tuple((m.kind, m.key) for m in s.mentions)) for s in index.sentences]


def test_the_seeds_as_received_show_what_the_hand_written_front_matter_shows(tmp_path: Path):
    for path in RECEIVED.glob("*.txt"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    received, written = build_index(tmp_path), build_index(SEEDS)
    assert received.corpus.skipped == () and set(received.corpus.articles) == set(written.corpus.articles)
    assert analysis(received) == analysis(written)  # every sentence, place, country and theme
    assert received.mentioned_places() == written.mentioned_places()
    assert received.theme_country_counts() == written.theme_country_counts()
    first, release, announcement = (received.corpus.articles[k] for k in sorted(received.corpus.articles))
    # what differs is inferred, and says so
    assert first.title == "Le Sommet Chine-Asie centrale se tiendra les 18 et 19 mai à Xi’an, en Chine"
    assert {"title", "published", "language"} <= set(first.inferred) and first.source == "unknown"
    assert "file's own date" in first.note
    assert (release.published, release.source) == ("2025-06-19", "GlobeNewswire")
    assert not release.title.startswith("date") and "dateline «PÉKIN, 19 juin 2025 (GLOBE NEWSWIRE) —»" in release.note
    assert not announcement.title.startswith("Une vue générale")  # the photo caption is not the title
    assert announcement.source == "Avec entrée de Xinhua" and "source" in announcement.inferred


def test_a_txt_news_item_gets_its_headline_dateline_and_agency(tmp_path: Path):
    article = read_article(copy(["afp_astana_en.txt"], tmp_path) / "afp_astana_en.txt")
    assert article.title == 'China and Central Asian leaders sign "eternal" friendship treaty in Astana'
    assert (article.published, article.source, article.language) == ("2025-06-17", "AFP", "en")
    assert set(article.inferred) == {"published", "source", "language"}  # the headline is stated
    assert article.paragraphs[0].startswith("ASTANA, June 17, 2025 (AFP) - Chinese President")


def test_a_saved_web_page_keeps_only_the_article_and_its_metadata(tmp_path: Path):
    article = read_article(copy(["reuters_pipeline_en.html"], tmp_path) / "reuters_pipeline_en.html")
    assert article.title == "China, Turkmenistan agree to speed up Line D gas pipeline"
    assert (article.published, article.source) == ("2025-06-18", "Reuters")
    assert article.url == "https://www.reuters.com/world/asia-pacific/china-turkmenistan-line-d-2025-06-18/"
    assert article.inferred == ("language",)
    body = article.body
    assert body.startswith("ASTANA, June 18 (Reuters) - China and Turkmenistan") and "$94.8 billion" in body
    for noise in ("cookies", "Related stories", "Oil prices", "All rights reserved", "Home", "TRACKER",
                  "alert(", "IFRAME FALLBACK", "<", "By Olzhas"):
        assert noise not in body, noise


def test_a_page_of_scripts_and_no_text_is_named_with_the_reason(tmp_path: Path):
    skipped = read_article(copy(["scripts_only.html"], tmp_path) / "scripts_only.html")
    assert skipped.name == "scripts_only.html" and "no article text" in skipped.reason


PDF_TEXT = [
    "ASTANA, June 18 (CGTN) -- China and Uzbekistan signed on Wednesday an agreement to start building the "
    "China-Kyrgyzstan-Uzbekistan railway, a line of 523 kilometres from Kashgar to Andijan through Osh, "
    "the Chinese Ministry of Foreign Affairs said in a statement.",
    "The railway is expected to cut the journey of goods from China to Europe by about 900 kilometres.",
]


def test_a_pdf_is_read_its_lines_joined_and_the_dateline_beats_its_creation_date(tmp_path: Path):
    path = tmp_path / "cgtn_railway.pdf"
    path.write_bytes(make_pdf(PDF_TEXT, title="Railway deal signed", author="CGTN", created=datetime(2025, 7, 2)))
    article = read_article(path)
    assert article.paragraphs == tuple(PDF_TEXT)  # wrapped lines back into their paragraphs
    assert (article.title, article.source, article.published) == ("Railway deal signed", "CGTN", "2025-06-18")
    assert "year from the file" in article.note  # "June 18" has no year: the PDF's own date gives it
    path.write_bytes(make_pdf(["A short note about Astana without any date at all, read from a PDF file."],
                              created=datetime(2025, 7, 2)))
    article = read_article(path)
    assert article.published == "2025-07-02" and "published" in article.inferred and "title" in article.inferred


def test_a_word_file_gives_its_headline_and_dateline(tmp_path: Path):
    path = make_docx(tmp_path / "xinhua_astana.docx", [
        "PÉKIN, 16 juin 2025 (Xinhua) -- Le président chinois Xi Jinping est parti lundi pour Astana, où il "
        "participera au deuxième sommet Chine-Asie centrale.",
        "Il s’agit de sa troisième visite au Kazakhstan en trois ans, a indiqué le ministère.",
    ], headline="Xi Jinping part pour Astana")
    article = read_article(path)
    assert (article.title, article.published, article.source, article.language) == (
        "Xi Jinping part pour Astana", "2025-06-16", "Xinhua", "fr")
    assert "title" not in article.inferred and article.paragraphs[1].startswith("Il s’agit")


@pytest.mark.parametrize("make, reason", [
    (lambda p: p.write_bytes(make_pdf(["Astana."], padding=50_000_000)), "larger than 20 MB"),
    (lambda p: p.write_bytes(make_pdf([f"Line {n} of a book about Astana." for n in range(301)], lines_per_page=2)),
     "more than an article's 300"),
    (lambda p: p.write_bytes(b"%PDF-1.4\n garbage that is no PDF at all"), "not a readable PDF"),
    (lambda p: p.write_bytes(make_pdf([])), "no text"),
])
def test_a_pdf_that_cannot_be_an_article_gives_a_message(tmp_path: Path, make, reason: str):
    path = tmp_path / "bad.pdf"
    make(path)
    skipped = read_article(path)
    assert reason in skipped.reason, skipped


def test_a_zip_bomb_dressed_as_docx_is_refused_before_it_is_unpacked(tmp_path: Path):
    bomb = make_zip_bomb(tmp_path / "bomb.docx")
    assert bomb.stat().st_size < 1_000_000
    assert "refused" in read_article(bomb).reason
    (tmp_path / "text.docx").write_text("not a zip")
    assert "not a Word .docx file" in read_article(tmp_path / "text.docx").reason


def test_md_with_front_matter_wins_and_same_stem_files_are_not_both_read(tmp_path: Path):
    copy(["afp_astana_en.txt"], tmp_path)
    (tmp_path / "afp_astana_en.md").write_text(article_text("Checked title", "Astana hosts the summit."))
    (tmp_path / "other.txt").write_text("First file about Astana, read first.")
    (tmp_path / "other.html").write_text("<html><body><p>" + "Second file about Astana. " * 10 + "</p></body></html>")
    corpus = load_corpus(tmp_path)
    assert corpus.articles["afp_astana_en"].title == "Checked title" and not corpus.articles["afp_astana_en"].inferred
    assert corpus.articles["other"].file == "other.html"  # name order: .html before .txt
    assert [(s.name, s.reason) for s in corpus.skipped] == [("other.txt", "same article id as other.html (ids ignore case)")]


def test_a_file_type_that_is_not_read_is_named_and_hidden_files_are_not(tmp_path: Path):
    (tmp_path / "notes.odt").write_bytes(b"PK")
    (tmp_path / "README").write_text("x")
    (tmp_path / ".atlas-index.sqlite").write_bytes(b"")
    (tmp_path / "pictures").mkdir()
    reasons = {s.name: s.reason for s in load_corpus(tmp_path).skipped}
    assert reasons == {"README": "files without a suffix are not read (the atlas reads .md, .txt, .html, .htm, .pdf, .docx)",
                       "notes.odt": ".odt files are not read (the atlas reads .md, .txt, .html, .htm, .pdf, .docx)"}


def test_a_text_in_a_language_the_atlas_does_not_read_is_named_with_its_language(tmp_path: Path):
    (tmp_path / "de.txt").write_text("Die Präsidenten Chinas und der fünf zentralasiatischen Staaten haben am Dienstag "
                                     "in Astana einen Vertrag über ewige gute Nachbarschaft unterzeichnet.")
    assert "language the atlas does not read (de" in read_article(tmp_path / "de.txt").reason


def test_a_front_matter_lists_every_problem_at_once():
    with pytest.raises(ArticleError) as error:
        parse_article("x", b"---\npublished: 2024-13\nlanguage: de\nsource: [a, b]\n---\n")
    assert str(error.value).split("\n") == [
        "missing required field(s): title", "source must be a single value, not a list or mapping",
        "published must be YYYY-MM-DD or YYYY-MM, not '2024-13'", "language must be fr, en, ru or zh, not 'de'",
        "no body text after the front matter"]


@pytest.mark.parametrize("head, expected", [
    ("PÉKIN, 19 juin 2025 (GLOBE NEWSWIRE) — Pour la première fois", ("2025-06-19", "GlobeNewswire")),
    ("ASTANA, June 17 (Reuters) - Chinese President", ("2024-06-17", "Reuters")),
    ("ALMATY, Kazakhstan, June 17, 2025 (AP) — Leaders", ("2025-06-17", "AP")),
    ("BISHKEK (AKIpress) - Kyrgyzstan and China", (None, "AKIpress")),
    ("АСТАНА, 17 июня. /ТАСС/. Президент Казахстана", ("2024-06-17", "ТАСС")),
    ("АСТАНА. KAZINFORM – Глава государства", (None, "Kazinform")),
    ("新华社阿斯塔纳6月17日电（记者张三）国家主席习近平", ("2024-06-17", "Xinhua (新华社)")),
    ("Le sommet s’est tenu mardi, a-t-il déclaré.", None),
])
def test_datelines_of_the_agencies(head: str, expected):
    found = find_dateline(head, 2024)
    assert (found.date, found.agency) == expected if expected else found is None


def test_a_long_first_sentence_is_shortened_at_a_clause_or_a_word():
    assert shorten("Le Sommet se tiendra à Xi’an.") == "Le Sommet se tiendra à Xi’an"
    long = ("Le président chinois Xi Jinping assistera au deuxième sommet chinois-central à Astana du 16 au 18 juin "
            "lors de l’invitation du président kazakh Kassym-Jomart Tokayev, a annoncé vendredi un porte-parole.")
    title = shorten(long)
    assert title.endswith("…") and len(title) <= 111 and long.startswith(title[:-1])


def test_import_writes_the_md_that_reads_back_the_same_and_keeps_an_existing_one(tmp_path: Path):
    source = copy(["afp_astana_en.txt", "scripts_only.html"], tmp_path / "in")
    into = tmp_path / "seeds"
    into.mkdir()
    run = [sys.executable, "-m", "corpus.import", str(source / "afp_astana_en.txt"), str(source / "scripts_only.html"),
           "--into", str(into)]
    done = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1  # one file could not be read, and it says why
    assert "scripts_only.html could not be read:\n  - the web page has no article text" in done.stderr
    assert "(inferred: language, published, source; check them)" in done.stdout
    written = into / "afp_astana_en.md"
    original, imported = read_article(source / "afp_astana_en.txt"), parse_article("afp_astana_en", written.read_bytes())
    for field in ("title", "published", "language", "source", "paragraphs", "note", "inferred"):
        assert getattr(imported, field) == getattr(original, field), field
    written.write_text(article_text("Corrected by hand", "Astana."))
    again = subprocess.run(run[:4] + ["--into", str(into)], cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 0 and "exists, kept" in again.stdout
    assert parse_article("x", written.read_bytes()).title == "Corrected by hand"


def test_dropped_files_are_found_on_the_map_and_in_search(tmp_path: Path):
    folder = copy(["afp_astana_en.txt", "reuters_pipeline_en.html"], tmp_path / "seeds")
    (folder / "cgtn_railway.pdf").write_bytes(make_pdf(PDF_TEXT, author="CGTN"))
    index = build_index(folder)
    assert set(index.corpus.articles) == {"afp_astana_en", "reuters_pipeline_en", "cgtn_railway"}
    assert {"astana", "kashgar", "andijan", "osh"} <= index.mentioned_places()
    by_article = {e.article.id for e in index.excerpts_for_place("kashgar")}
    assert by_article == {"reuters_pipeline_en", "cgtn_railway"}
    assert index.search_keys('"andijan"*')  # in the full-text index


def test_markup_in_a_saved_page_stays_text_and_its_scripts_never_reach_the_article(tmp_path: Path):
    page = ("<html><head><title>&lt;img src=x onerror=alert(1)&gt; Astana</title>"
            "<script>alert('head')</script></head><body><article><h1>&lt;img src=x onerror=alert(1)&gt; Astana</h1>"
            "<p>Astana hosts the summit; the text shows &lt;script&gt;alert(2)&lt;/script&gt; as typed, "
            "and nothing in it runs anywhere in the atlas.</p><script>alert('body')</script>"
            "<iframe srcdoc=\"<script>alert('frame')</script>\"></iframe></article></body></html>")
    (tmp_path / "hostile.html").write_text(page, encoding="utf-8")
    article = read_article(tmp_path / "hostile.html")
    assert article.title == "<img src=x onerror=alert(1)> Astana"  # as text: the panels escape it
    assert "<script>alert(2)</script>" in article.body  # what the page showed, as typed
    assert "alert('head')" not in article.body and "alert('body')" not in article.body and "frame" not in article.body
