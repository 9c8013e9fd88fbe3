"""Russian and Chinese articles in the agencies' styles (Kazinform, TASS, AKIpress, Xinhua, CGTN):
read and inferred, split into sentences, their places, countries, region, capitals meant, themes,
dates and figures found, and searchable; and the whole path through the app."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus.build import build_index
from corpus.build_names import russian_forms
from corpus.figures import corpus_figures
from corpus.gazetteer import load_gazetteer
from corpus.recognise import Recogniser
from corpus.text import split_sentences, words
from corpus.themes import load_themes
from corpus.chronology import corpus_events
from tests.fixtures.documents import make_pdf
from tests.helpers import run_app, texts
from tests.test_formats import PDF_TEXT

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = ["kazinform_astana_ru.txt", "tass_bishkek_ru.txt", "akipress_osh_ru.html", "xinhua_astana_zh.txt",
            "cgtn_xian_zh.html"]


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ru_zh")
    for name in ARTICLES:
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    return build_index(folder)


def mentions(index, article_id: str) -> set[tuple[str, str]]:
    return {(m.kind, m.key) for s in index.sentences if s.article_id == article_id for m in s.mentions}


def test_each_is_read_in_its_language_with_what_its_file_or_dateline_says(index):
    articles = index.corpus.articles
    assert index.corpus.skipped == ()
    assert {a.id: a.language for a in articles.values()} == {
        "kazinform_astana_ru": "ru", "tass_bishkek_ru": "ru", "akipress_osh_ru": "ru", "xinhua_astana_zh": "zh",
        "cgtn_xian_zh": "zh"}
    kazinform, tass, akipress = articles["kazinform_astana_ru"], articles["tass_bishkek_ru"], articles["akipress_osh_ru"]
    assert (kazinform.source, kazinform.published) == ("Kazinform", "2025-06-17")  # the lead's "17 июня 2025 года"
    assert tass.source == "ТАСС" and tass.published.endswith("-06-18") and "year from the file" in tass.note
    assert tass.title.startswith("Строительство железной дороги")  # not the dateline "БИШКЕК, 18 июня. /ТАСС/."
    assert (akipress.source, akipress.published, akipress.url) == ("AKIpress", "2025-06-20",
                                                                    "https://akipress.org/news:2025062001/")
    assert "Читайте также" not in akipress.body and "cookie" not in akipress.body
    xinhua = articles["xinhua_astana_zh"]
    assert (xinhua.title, xinhua.source) == ("习近平出席第二届中国－中亚峰会", "Xinhua (新华社)")
    assert xinhua.published.endswith("-06-17")


def test_chinese_and_russian_sentences_and_words():
    assert [s for s, _ in split_sentences("习近平出席峰会。哈萨克斯坦总统主持会议！双方达成共识。", "zh")] == [0, 8, 20]
    text = "Президент РФ В. В. Путин прибыл в Астану. Визит продлится два дня."
    assert len(split_sentences(text, "ru")) == 2
    assert [("哈萨克斯坦首都阿斯塔纳"[s:e]) for s, e in words("哈萨克斯坦首都阿斯塔纳")] == ["哈萨克斯坦", "首都", "阿斯塔纳"]


def test_places_in_their_cases_countries_demonyms_and_the_region(index):
    kazinform = mentions(index, "kazinform_astana_ru")
    assert {("place", "astana"), ("country", "KAZ"), ("country", "CHN"), ("country", "KGZ"), ("country", "UZB"),
            ("country", "TKM"), ("region", "central-asia")} <= kazinform  # Астане, Казахстана, Китаем…
    assert {("place", "osh"), ("place", "kashgar"), ("place", "bishkek")} <= mentions(index, "tass_bishkek_ru")  # Оша, Кашгара
    akipress = mentions(index, "akipress_osh_ru")
    assert ("country", "CHN") in akipress  # "китайских инвесторов": a demonym is a country mention
    xinhua = mentions(index, "xinhua_astana_zh")
    assert {("place", "astana"), ("country", "KAZ"), ("country", "KGZ"), ("country", "TJK"), ("country", "TKM"),
            ("country", "UZB"), ("region", "central-asia")} <= xinhua
    assert ("place", "xian") in mentions(index, "cgtn_xian_zh")


def test_the_capital_meant_without_being_named(index):
    tass = [s for s in index.sentences if s.article_id == "tass_bishkek_ru" and "столице Казахстана" in s.text]
    assert ("place", "astana") in {(m.kind, m.key) for m in tass[0].mentions}
    from corpus.gazetteer import load_gazetteer
    from corpus.recognise import Recogniser
    from corpus.themes import load_themes

    found = Recogniser(load_gazetteer(), load_themes()).mentions("峰会在哈萨克斯坦首都举行。", "zh")
    assert ("place", "astana") in {(m.kind, m.key) for m in found}


def test_themes_by_russian_stems_and_chinese_words(index):
    assert {("theme", "trade"), ("theme", "connectivity"), ("theme", "peace-stability")} <= mentions(
        index, "kazinform_astana_ru")  # Товарооборот, железную дорогу, газопроводу, вечном добрососедстве
    assert {("theme", "trade"), ("theme", "connectivity"), ("theme", "poverty-reduction"),
            ("theme", "desertification"), ("theme", "exchanges")} <= mentions(index, "xinhua_astana_zh")
    assert {("theme", "belt-and-road"), ("theme", "agriculture"), ("theme", "digital-economy")} <= mentions(
        index, "cgtn_xian_zh")


def test_dates_and_figures_as_written_in_russian_and_chinese(index):
    figures = {(f.article.id, f.value, f.scale, f.unit) for f in corpus_figures(index)}
    assert {("kazinform_astana_ru", 94.8, "billion", "USD"), ("xinhua_astana_zh", 94.8, "billion", "USD"),
            ("akipress_osh_ru", 35.0, "million", "USD"), ("tass_bishkek_ru", 4.7, "billion", "USD")} <= figures
    events = {(e.article.id, e.date, e.status) for e in corpus_events(index) if e.article and e.span}
    assert ("kazinform_astana_ru", "2025-06-17", "stated") in events  # 17 июня 2025 года
    assert ("kazinform_astana_ru", "2024", "stated") in events  # в 2024 году
    assert ("xinhua_astana_zh", "2024", "stated") in events  # 2024年
    assert ("cgtn_xian_zh", "2023-05-18", "inferred") in events  # 5月18日, the year from the article


def test_search_in_russian_and_in_chinese(index):
    assert {e.article.id for e in index.search("铁路")} == {"xinhua_astana_zh"}  # inside 中吉乌铁路建设
    found = index.search("阿斯塔纳")
    # a place's name finds it in every language (corpus.query): в Астане, в столице Казахстана
    assert {e.article.id for e in found} == {"xinhua_astana_zh", "kazinform_astana_ru", "tass_bishkek_ru"}
    chinese = next(e for e in found if e.article.id == "xinhua_astana_zh")
    assert chinese.text[chinese.highlights[0][0]:chinese.highlights[0][1]] == "阿斯塔纳"
    assert {e.article.id for e in index.search("Кашгар")} == {"tass_bishkek_ru", "akipress_osh_ru"}
    assert not index.search("铁塔")  # characters present, not together: no match


def test_a_russian_query_finds_the_words_as_russian_declines_them_and_english_finds_russian(index):
    """"железная дорога" (nominative) must find "железной дороги" and "железную дорогу"; an English
    query finds the Russian words through the lexicon (corpus/data/search_lexicon.yaml)."""
    found = index.search("железная дорога")
    assert {"kazinform_astana_ru", "tass_bishkek_ru"} <= {e.article.id for e in found}
    tass = next(e for e in found if e.article.id == "tass_bishkek_ru")
    assert [tass.text[s:e] for s, e in tass.highlights][:2] == ["железной", "дороги"]
    assert {"kazinform_astana_ru", "tass_bishkek_ru"} <= {e.article.id for e in index.search("railway")}


def test_a_saved_page_a_pdf_and_a_russian_item_dropped_in_seeds_are_on_the_map_in_panels_and_search(
        seeds_copy: Path, monkeypatch):
    for name in ("reuters_pipeline_en.html", "tass_bishkek_ru.txt"):
        (seeds_copy / name).write_bytes((FIXTURES / name).read_bytes())
    (seeds_copy / "cgtn_railway.pdf").write_bytes(make_pdf(PDF_TEXT, author="CGTN"))
    monkeypatch.setenv("ATLAS_SEEDS_DIR", str(seeds_copy))
    at = run_app({"place": "kashgar"})
    assert at.subheader[0].value == "Kashgar" and not at.warning
    shown = texts(at)
    assert "<mark>Кашгара</mark> до Оша" in shown and "Pamir mountains" in shown and "to Andijan through Osh" in shown
    assert "Кашгар" in texts(run_app({"q": "Кашгар"}))
    at = run_app({"article": "tass_bishkek_ru", "lang": "ru"})
    facts = texts(at)
    assert "Источник: ТАСС (выведено)" in facts and "(выведено)" in facts.split("Опубликовано:")[1]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ru", "В Ферганской долине и на берегах Аральского моря высаживают саксаул.", {"ferganavalley", "aralsea"}),
    ("ru", "Учения прошли в Алматинской области, у перевала Торугарт и в Синьцзяне.",
     {"almatyregion", "torugartpass", "xinjiang"}),
    ("ru", "Власти Горно-Бадахшанской автономной области и Согдийской области подписали меморандум.",
     {"gornobadakhshan", "sughd"}),
    ("ru", "Уровень Каспийского моря падает, а грузооборот порта Курык растёт.", {"caspiansea", "kuryk"}),
    ("zh", "阿拉木图州和江布尔州将获得投资，新疆维吾尔自治区与费尔干纳盆地相连。",
     {"almatyregion", "zhambylregion", "xinjiang", "ferganavalley"}),
    ("zh", "吐尔尕特口岸货运量增长，里海沿岸的库雷克港和咸海地区也在发展。", {"torugartpass", "caspiansea", "kuryk", "aralsea"}),
])
def test_regions_features_and_hubs_in_russian_cases_and_in_chinese(lang, text, expected):
    found = {m.key for m in Recogniser(load_gazetteer(), load_themes()).mentions(text, lang) if m.kind == "place"}
    assert found == expected


def test_every_place_has_its_russian_and_chinese_name_and_regions_are_declined_in_agreement():
    places = load_gazetteer().places.values()
    assert [p.slug for p in places if not re.search("[а-яё]", p.name("ru"), re.I)] == []
    assert [p.slug for p in places if not re.search("[\u4e00-\u9fff]", p.name("zh"))] == []
    assert russian_forms("Алматинская область") == ["Алматинская область", "Алматинской области",
                                                    "Алматинскую область", "Алматинской областью"]
    assert "Аральского моря" in russian_forms("Аральское море") and "перевале Торугарт" in russian_forms("перевал Торугарт")
    assert "Китайскаи Народная Республика" not in russian_forms("Китайская Народная Республика")


def test_a_regions_panel_is_headed_by_its_russian_name():
    at = run_app({"lang": "ru", "place": "ferganavalley"})
    assert "Ферганская долина" in at.subheader[0].value


@pytest.mark.parametrize(("lang", "text", "country"), [
    ("ru", "Китайская сторона передала кыргызским пограничникам 50 внедорожников.", "KGZ"),  # dative plural
    ("ru", "Делегация встретилась с узбекскими фермерами.", "UZB"),  # instrumental plural
    ("zh", "哈萨克斯坦驻华大使出席了招待会。", "CHN"),  # 驻华 inside jieba's 驻华大使
    ("zh", "一家中资企业投资3亿美元开发钨矿。", "CHN"),  # 中资 inside 中资企业
    ("zh", "中国科学院新疆生态与地理研究所在努库斯建立了联合实验室。", "CHN"),  # 中国 inside 中国科学院
    ("ru", "Таджикско-китайское совместное предприятие добывает золото.", "TJK"),  # a compound adjective
])
def test_country_adjectives_in_every_case_and_inside_chinese_compounds(lang, text, country):
    recogniser = Recogniser(load_gazetteer(), load_themes())
    assert country in {m.key for m in recogniser.mentions(text, lang) if m.kind == "country"}
