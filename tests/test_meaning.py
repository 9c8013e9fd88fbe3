"""Issue 12: themes by meaning, search across languages, the places and regions of this news."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bench.news_articles import write_news_articles
from corpus import query as query_module
from corpus.build import build_index
from corpus.gazetteer import load_gazetteer
from corpus.meaning import embeddable, encode, sentence_vectors, theme_model
from corpus.recognise import Recogniser
from corpus.themes import load_themes


@pytest.fixture(scope="module")
def recogniser() -> Recogniser:
    return Recogniser(load_gazetteer(), load_themes(), theme_model())


@pytest.fixture(scope="module")
def news_index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("news")
    write_news_articles(folder)
    return build_index(folder)


def found(recogniser, text: str, lang: str, kind: str) -> set[str]:
    mentions, = recogniser.analyse([text], lang)
    return {m.key for m in mentions if m.kind == kind}


def test_a_theme_is_found_by_meaning_where_no_term_says_it(recogniser):
    text = "Les dunes avancent chaque année vers les oasis, et les villageois plantent des haies d’arbustes."
    assert "desertification" not in {m.key for m in recogniser.mentions(text, "fr") if m.kind == "theme"}
    assert "desertification" in found(recogniser, text, "fr", "theme")


def test_a_theme_by_meaning_has_no_span_and_says_why(recogniser):
    text = "Les dunes avancent chaque année vers les oasis, et les villageois plantent des haies d’arbustes."
    mentions, = recogniser.analyse([text], "fr")
    by_meaning = [m for m in mentions if m.kind == "theme" and m.key == "desertification"]
    assert by_meaning and by_meaning[0].start == by_meaning[0].end
    from corpus.meaning import encode
    example = theme_model().nearest("desertification", encode([text])[0])
    assert example and example != text


def test_a_solar_or_wind_farm_is_not_agriculture(recogniser):
    for text, lang in (("The wind farm will generate 3.5 billion kilowatt-hours a year.", "en"),
                       ("La ferme solaire couvre 900 hectares de steppe.", "fr")):
        assert "agriculture" not in found(recogniser, text, lang, "theme"), text


# An article's context (Recogniser.article): themes by meaning only where it names China and Central Asia.
DUNES = "Les dunes avancent chaque année vers les oasis, et les villageois plantent des haies d’arbustes."
FESTIVAL = "Le festival de musique électronique, qui s’y tient chaque été, a réuni 4 000 personnes."


def article_themes(recogniser, texts: list[str], lang: str, title: str = "") -> list[set[str]]:
    return [{m.key for m in mentions if m.kind == "theme"} for mentions in recogniser.article(texts, lang, title=title)]


def test_local_news_with_no_china_central_asia_context_gets_no_theme_by_meaning(recogniser):
    assert "desertification" in found(recogniser, DUNES, "fr", "theme")  # the model's guess, sentence by sentence
    assert article_themes(recogniser, [DUNES, FESTIVAL], "fr") == [set(), set()]
    # one side named is not a context: Kazakh foresters without China, Chinese ones without Central Asia
    for side in ("Des forestiers kazakhs y travaillent depuis trois ans.", "Des forestiers chinois y travaillent."):
        assert "desertification" not in article_themes(recogniser, [DUNES, side], "fr")[0], side
    potter = ["The potter sells his plates online to buyers in Tokyo and Milan.", "His workshop drew 12,000 visitors."]
    assert any(found(recogniser, text, "en", "theme") for text in potter)
    assert article_themes(recogniser, potter, "en") == [set(), set()]


def test_an_article_naming_china_and_central_asia_keeps_its_themes_by_meaning(recogniser):
    both = "Des forestiers chinois travaillent avec leurs collègues kazakhs depuis trois ans."
    assert "desertification" in article_themes(recogniser, [DUNES, FESTIVAL, both], "fr")[0]
    # the two sides in different sentences, or in the title, make the context too
    apart = ["Des forestiers chinois y travaillent.", DUNES, "Le Kazakhstan a planté 2 000 hectares."]
    assert "desertification" in article_themes(recogniser, apart, "fr")[1]
    assert "desertification" in article_themes(recogniser, [DUNES], "fr", title="La Chine aide le Kazakhstan")[0]


def test_an_article_with_no_context_keeps_no_theme_term_but_a_lone_sentence_does(recogniser):
    """tests/fixtures/news/CONVENTION.md §2 Context: local news with no China–Central Asia context has no
    theme, its terms' themes included; a sentence read alone has no article to judge by."""
    threat = "La désertification menace les oasis."
    assert article_themes(recogniser, [threat, FESTIVAL], "fr") == [set(), set()]
    assert article_themes(recogniser, [threat], "fr") == [{"desertification"}]
    both = "Des forestiers chinois travaillent avec leurs collègues kazakhs depuis trois ans."
    assert "desertification" in article_themes(recogniser, [threat, FESTIVAL, both], "fr")[0]


def test_the_app_reads_an_article_as_a_whole_for_its_themes_by_meaning():
    from corpus.analysis import Analyser
    from corpus.articles import Article

    analyser = Analyser(load_gazetteer(), load_themes())

    def themes(title: str, paragraphs: tuple[str, ...]) -> list[set[str]]:
        analysed = analyser.article(Article("a", title, "2025-06-20", "fr", paragraphs))
        return [{key for (kind, key), _ in s.selections if kind == "theme"} for s in analysed.sentences]

    assert themes("Un festival dans l’oasis", (DUNES, FESTIVAL)) == [set(), set()]
    assert "desertification" in themes("Des forestiers chinois au Kazakhstan", (DUNES, FESTIVAL))[0]


def test_the_quality_measure_reads_items_of_one_source_as_one_article(recogniser):
    from corpus.quality import evaluate

    local = [{"lang": "fr", "src": "local", "text": DUNES}, {"lang": "fr", "src": "local", "text": FESTIVAL}]
    shared = [{"lang": "fr", "src": "forest", "text": DUNES, "themes": ["desertification"]},
              {"lang": "fr", "src": "forest", "text": "Des forestiers chinois aident les Kazakhs."}]
    assert evaluate(recogniser, local)["themes"].false_positives == []
    assert evaluate(recogniser, shared)["themes"].false_negatives == []
    alone = [{"lang": "fr", "text": DUNES, "themes": ["desertification"]},
             {"lang": "fr", "text": "Des forestiers chinois aident les Kazakhs."}]  # no src: each its own article
    assert evaluate(recogniser, alone)["themes"].false_negatives == [("desertification", DUNES)]


def test_a_query_the_model_cannot_take_is_not_embedded():
    assert not embeddable("") and not embeddable("   ") and not embeddable("x" * 5000)
    assert not embeddable("\x00\x01\x02") and not embeddable("1234 5678")
    assert embeddable("gas pipeline")


@pytest.mark.parametrize("text, lang, expected, not_expected", [
    ("Trucks carrying tomatoes from the Fergana Valley reach Urumqi.", "en", {"ferganavalley", "urumqi"}, {"fergana"}),
    ("Le réseau électrique de la vallée de Ferghana sera modernisé.", "fr", {"ferganavalley"}, {"fergana"}),
    ("The tunnels through the Fergana range are the hardest part.", "en", set(), {"fergana"}),
    ("A plant will be built in the Kostanay region.", "en", {"kostanayregion"}, {"kostanay"}),
    ("BYD produit des véhicules dans la région de Djizak.", "fr", {"jizzakhregion"}, {"jizzakh"}),
    ("Wang Jinhua, a truck driver, crossed the border.", "en", set(), {"jinhua"}),
    ("Sun Zhongshan, un logisticien de 34 ans, gère les conteneurs.", "fr", set(), {"zhongshan"}),
    ("Les ministres de l’Organisation de coopération de Shanghai se réunissent.", "fr", set(), {"shanghai"}),
    ("The copper smelter in Balkhash, on the shore of Lake Balkhash, is modernised.", "en",
     {"balkhash", "lakebalkhash"}, set()),
    ("Le premier train est arrivé au port d’Aktaou, sur la mer Caspienne.", "fr", {"aktau", "caspiansea"}, set()),
    ("Freight crossed at Dostyk and Altynkol before reaching Khorgos.", "en", {"dostyk", "altynkol", "khorgos"}, set()),
    ("Gas from the Galkynysh field crosses the Karakum desert.", "en", {"galkynysh", "karakum"}, set()),
    ("Les glaciers du Pamir et du Tian Shan fondent.", "fr", {"pamirs", "tianshan"}, set()),
    ("The line will run through the Torugart pass to Jalal-Abad.", "en", {"torugartpass", "jalalabad"}, {"manas"}),
])
def test_places_regions_and_features(recogniser, text, lang, expected, not_expected):
    places = found(recogniser, text, lang, "place")
    assert expected <= places and not (places & not_expected), places


def test_lower_case_china_is_porcelain(recogniser):
    assert "CHN" not in found(recogniser, "Shoppers buy clothes, tea and fine bone china.", "en", "country")
    assert "CHN" in found(recogniser, "Shoppers buy goods from China.", "en", "country")


def test_every_place_keeps_its_own_name_and_no_alias_is_another_towns():
    gazetteer = load_gazetteer()
    assert gazetteer.places["jalalabad"].name_en == "Jalal-Abad" and "manas" not in gazetteer.places
    assert gazetteer.places["hotan"].name_en == "Hotan" and "gujangbagh" not in gazetteer.places
    assert "Samarkand" not in gazetteer.places["temirtau"].aliases
    assert "Talas" not in gazetteer.places["taraz"].aliases
    owners: dict[str, str] = {}
    for place in gazetteer.places.values():
        for alias in place.aliases:
            key = alias.casefold()
            assert owners.setdefault(key, place.slug) == place.slug, (alias, owners[key], place.slug)


def test_regions_and_features_are_approximate_places_of_their_own_kind():
    places = load_gazetteer().places
    for slug, kind in (("xinjiang", "region"), ("ferganavalley", "feature"), ("aralsea", "feature"),
                       ("khorgos", "hub"), ("altynkol", "hub")):
        assert places[slug].kind == kind
    assert places["aralsea"].approximate and places["aralsea"].radius_km > 0
    assert not places["khorgos"].approximate  # a GeoNames town


@pytest.mark.parametrize("query, french", [
    ("pipeline", "gazoduc"), ("gas pipeline", "gazoduc"), ("treaty", "traité"), ("Kyrgyzstan", "Kirghizistan"),
])
def test_an_english_query_finds_the_french_sentences_that_say_it(tmp_path: Path, query, french):
    (tmp_path / "fr.md").write_text(
        '---\ntitle: "Test"\npublished: 2025-06-20\nlanguage: fr\n---\n\n'
        "Le gazoduc traverse le Kirghizistan depuis 2009. Le traité a été signé à Astana.\n\n"
        "La météo était clémente ce jour-là.\n", encoding="utf-8")
    index = build_index(tmp_path)
    texts = [e.sentence.text for e in index.search(query)]
    assert any(french.lower() in t.lower() for t in texts), texts
    assert not any("météo" in t for t in texts)


def test_xian_finds_xi_an(tmp_path: Path):
    (tmp_path / "en.md").write_text('---\ntitle: "T"\npublished: 2025-06-20\nlanguage: en\n---\n\n'
                                    "The summit was held in Xi’an in May.\n", encoding="utf-8")
    assert [e.sentence.text for e in build_index(tmp_path).search("Xian")] == ["The summit was held in Xi’an in May."]


def test_search_by_meaning_finds_a_french_sentence_and_marks_it(news_index):
    results = news_index.search("shrubs planted against the sand dunes")
    close = [e for e in results if e.by_meaning]
    assert close and any("arbustes" in e.sentence.text or "saxaouls" in e.sentence.text for e in close)


@pytest.mark.parametrize("query", ["", "   ", "\x00\x01", "x" * 5000, "é" * 400])
def test_a_query_the_model_cannot_embed_gets_the_word_search_alone(news_index, query):
    assert not [e for e in news_index.search(query) if e.by_meaning]


def _app(folder: Path, monkeypatch, params: dict[str, str]):
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    monkeypatch.setenv("ATLAS_SEEDS_DIR", str(folder))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at, "\n".join([m.value for m in at.markdown] + [s.value for s in at.subheader])


@pytest.fixture
def news_folder(tmp_path: Path) -> Path:
    write_news_articles(tmp_path)
    return tmp_path


def test_a_region_has_its_panel_and_its_hyphenated_link(news_folder, monkeypatch):
    at, text = _app(news_folder, monkeypatch, {"place": "fergana-valley"})
    assert "Fergana Valley" in text and "Natural feature" in text and "approximate" in text
    assert "Fergana Valley, shared by Uzbekistan" in text


def test_regions_and_hubs_are_on_the_map(news_folder, monkeypatch):
    import json

    at, _ = _app(news_folder, monkeypatch, {})
    element, = at.get("component_instance")
    script = json.loads(element.proto.json_args)["script"]
    assert "atlas-ferganavalley" in script and "atlas-khorgos" in script and "L.circle" in script


def test_a_theme_found_by_meaning_says_why_in_the_panel(tmp_path: Path, monkeypatch):
    # the title names China and Turkmenistan: themes by meaning need that context (Recogniser.article)
    (tmp_path / "a.md").write_text('---\ntitle: "Des forestiers chinois au Turkménistan"\npublished: 2025-06-20\n'
                                   'language: fr\n---\n\n'
                                   "Au Turkménistan, les dunes gagnent du terrain sur les oasis, et les habitants "
                                   "plantent des arbustes pour les arrêter.\n", encoding="utf-8")
    _, text = _app(tmp_path, monkeypatch, {"theme": "desertification"})
    assert "Theme found by meaning" in text and "close to “" in text  # inert: the colon is escaped


def test_a_search_found_by_meaning_is_marked(news_folder, monkeypatch):
    at, text = _app(news_folder, monkeypatch, {"q": "shrubs planted against the sand dunes"})
    assert "Close in meaning to the search" in text
    # and its reason says so, not that it contains the words it does not hold
    reasons = [c.value for c in at.caption]
    assert "close in meaning to “shrubs planted against the sand dunes”" in reasons
    assert "contains “shrubs planted against the sand dunes”" not in reasons


def _exact_by_meaning(index, query: str) -> set[int]:
    """What the search by meaning finds when every sentence's exact cosine is worked out."""
    rows = index.texts_after(-1, 10**9)
    vectors = sentence_vectors(index.store).vectors([text for _, text in rows], most_new=0)
    scores = vectors @ encode([query])[0]
    best = scores.max()
    kept = [(-score, sid) for (sid, _), score in zip(rows, scores)
            if score >= query_module.MEANING_FLOOR and score >= best - query_module.MEANING_BAND]
    return {sid for _, sid in sorted(kept)[:query_module.MEANING_LIMIT]}


def test_the_search_by_meaning_keeps_signs_not_vectors_and_finds_what_the_exact_search_finds(news_index, monkeypatch):
    """Each sentence is held as 64 bytes of signs; the staged search (signs, then an estimate, then
    exact cosines for a few) finds what working out every cosine finds, even with stages far
    narrower than the corpus."""
    ids, codes = query_module._codes(news_index)
    assert codes.dtype == np.uint64 and codes.shape == (8, len(ids)) and len(ids) == len(news_index.sentences)
    monkeypatch.setattr(query_module, "ROUGH", len(ids) // 3)
    monkeypatch.setattr(query_module, "CANDIDATES", len(ids) // 10)
    compared = 0
    for query in ("shrubs planted against the sand dunes", "Chinese loan to Kyrgyzstan and its debt",
                  "container train arriving at a Caspian port", "joint counter-terrorism exercise of border guards"):
        exact = _exact_by_meaning(news_index, query)
        found = {sid for sid, _ in query_module.by_meaning(news_index, query, query_module.query_words(query), set())}
        assert found == exact, query
        compared += len(exact)
    assert compared > 0  # the queries do find sentences by meaning here
