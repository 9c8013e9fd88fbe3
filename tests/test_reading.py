"""The close reading on agency-style articles written for the tests (tests/fixtures/summits/):
sentence roles, people and their quotes, summit attachment, outcomes, rankings, the timeline."""

from __future__ import annotations

from collections import Counter

import shutil
from pathlib import Path

import pytest

from corpus import ranking
from corpus.build import build_index
from corpus.outcomes import summit_outcomes
from corpus.people import PeopleFinder, load_people, person_slug
from corpus.reading import CorpusReading, reading_of
from corpus.roles import read_roles
from corpus.chronology import corpus_events, sources, timeline_entries
from tests.conftest import ROOT, SEEDS, article_text

FIXTURES = ROOT / "tests" / "fixtures" / "summits"


@pytest.fixture(scope="module")
def news(tmp_path_factory) -> CorpusReading:
    """The seeds and the agency-style articles, indexed together."""
    folder = tmp_path_factory.mktemp("news")
    for path in [*SEEDS.glob("*.md"), *FIXTURES.glob("*.md")]:
        shutil.copy(path, folder / path.name)
    return reading_of(build_index(folder))


def sentence(reading: CorpusReading, article_id: str, starts: str):
    return next(s for s in reading.article(article_id).sentences if s.text.startswith(starts))


# --- roles -----------------------------------------------------------------------------------

@pytest.mark.parametrize("paragraphs, kinds", [
    ([["Une vue générale de la tour Baiterek à Astana, Kazakhstan, 3 juillet 2024. / VCG"]], ["caption"]),
    ([["Xi attends the summit in Astana, June 17, 2025.", "(Xinhua/Li Xueren)"]], ["caption", "caption"]),
    ([["Editor: Wang Hao"]], ["metadata"]),
    ([["Reporting by Olzhas Auyezov; Editing by Mark Heinrich"]], ["metadata"]),
    ([["(Avec entrée de Xinhua)"]], ["metadata"]),
    ([["© AFP"]], ["boilerplate"]),
    ([["Follow AKIpress news on Telegram."]], ["boilerplate"]),
    ([["Promouvoir l’esprit de coopération Chine – Asie centrale"]], ["heading"]),
    ([["ASTANA.", "KAZINFORM – President Tokayev held talks."]], ["dateline", "body"]),
    ([["« Le sommet a été un franc succès.", "Les six pays ont signé un traité », a déclaré Lin Jian."]],
     ["quotation", "quotation"]),
    ([["Par ailleurs, les deux pays ont signé un accord."]], ["body"]),  # "Par" opening a sentence is no byline
    ([["By 2030, trade should double, the minister said."]], ["body"]),
    # the page's furniture as papers and broadcasters print it (fresh set, issue 11)
    ([["Publié le : 03/09/2025 - 08:15"], ["Modifié le : 03/09/2025 - 11:02"]], ["metadata", "metadata"]),
    ([["Mis à jour le 12 mars 2025 à 18h40"]], ["metadata"]),
    ([["Texte par : RFI"], ["De notre correspondante à Almaty, Marie Dupont"]], ["metadata", "metadata"]),
    ([["Le Figaro avec AFP"], ["Article réservé aux abonnés"]], ["metadata", "metadata"]),
    ([["Additional reporting by Mariya Gordeyeva in Almaty and Yew Lun Tian in Beijing; Writing by Tom Balmforth; "
       "Editing by Alison Williams"]], ["metadata"]),
    ([["À lire aussi | Le Kazakhstan mise sur l’uranium"], ["Read more: China opens consulate in Aktau"]],
     ["boilerplate", "boilerplate"]),
    ([["Our Standards: The Thomson Reuters Trust Principles."], ["Join our Telegram channel for the latest news"]],
     ["boilerplate", "boilerplate"]),
    ([["Copyright © 2000-2025 XINHUANET.com All rights reserved."]], ["boilerplate"]),  # a © is no photo credit here
    ([["Des ouvriers sur le chantier de la ligne Chine-Kirghizistan-Ouzbékistan, le 27 décembre 2024. © AFP / Vyacheslav Oseledko"]],
     ["caption"]),
    ([["Tashkent (AFP) - Uzbekistan signed a loan with China on Monday."]], ["body"]),
    ([["ASTANA, Kazakhstan, June 17.", "Kazakhstan and China signed 58 documents."]], ["dateline", "body"]),
    ([["Associated Press writer Ken Moritsugu in Beijing contributed to this report."]], ["metadata"]),
    ([["—With assistance from Dana Khraiche"], ["Aziz Karimov, rédacteur pour Novastan"]], ["metadata", "metadata"]),
    ([["September 2, 2025 at 6:30 AM GMT+2"], ["Updated on September 2, 2025 at 9:15 AM GMT+2"]],
     ["metadata", "metadata"]),
    ([["Il vous reste 68% de cet article à découvrir."], ["Use of 24.kg materials is permitted only with a hyperlink."]],
     ["boilerplate", "boilerplate"]),
    ([["Recevez chaque jour l’essentiel de l’actualité : inscrivez-vous à notre newsletter."]], ["boilerplate"]),
    ([["Les dirigeants de l’OCS posent pour la photo de famille, à Tianjin, le 1er septembre 2025.", "PHOTO LI XIN/AFP"]],
     ["caption", "caption"]),
    ([["Photo President’s press service"]], ["caption"]),
    # a short quote is someone's words when a verb says so, a name otherwise
    ([["Le chef de l’État kazakh a salué un « tournant historique » dans les relations."]], ["quotation"]),
    ([["Les dirigeants ont signé un traité de « bon voisinage éternel »."]], ["body"]),
    ([["Zhao Mingyue"], ["Xi Jinping delivered a keynote speech in Xi'an on Friday."]], ["metadata", "body"]),
    ([["Aibek Toktosunov is a journalist based in Bishkek."], ["Mots-clés : Chine Kazakhstan"]], ["metadata", "metadata"]),
    ([["Mise à jour 19.05.2023 à 16:05"], ["French.news.cn | Publié le 2025-09-02 à 21:05"]], ["metadata", "metadata"]),
    ([["AFP © 2023 AFP"], ["RFE/RL, Inc."], ["Lire aussi Asie centrale : la Chine signe un traité"]],
     ["boilerplate", "boilerplate", "boilerplate"]),
    ([["Kazakh President Kassym-Jomart Tokayev (right) greets Chinese leader Xi Jinping in Astana."]], ["caption"]),
    ([["Ursula von der Leyen et Shavkat Mirziyoyev à Samarcande, le 4 avril 2025.", "(Crédits : REUTERS)"]],
     ["caption", "caption"]),
    ([["ASTANA -- Chinese leader Xi Jinping and the five presidents signed a treaty."]], ["body"]),
    ([["A general view of the Palace of Independence, venue of the second China–Central Asia summit, in Astana, "
       "Kazakhstan, June 17, 2025.", "REUTERS/Pavel Mikheyev"]], ["caption", "caption"]),
    ([["Chinese President Xi Jinping speaks in Xi'an, China, May 19, 2023. AP Photo/Ng Han Guan"]], ["caption"]),
    # a page's dates, bylines, guests and house lines, as news sites print them (seen on fresh4's pages)
    ([["Wed 18 Jun 2025 09.12 BST Last modified on Wed 18 Jun 2025 11.30 BST"], ["3 June 2024, 08:05"],
      ["12 March 2025"], ["Jeudi 5 juin 2025 — Écouter plus tard — 42 min"]], ["metadata"] * 4),
    ([["Nurlan Abdrakhmanov in Bishkek and Chen Li in Urumqi"], ["ZHANG WEI and ANNA PETROVA, Nikkei staff writers"],
      ["Marc Lefort 12 mai 2025 à 07h30"]], ["metadata"] * 3),
    ([["Lucie Martin est journaliste indépendante, basée à Tachkent."],
      ["Avec Paul Girard, chercheur associé à l’Institut français d’études sur l’Asie centrale."]], ["metadata"] * 2),
    ([["Sujets associés : Chine, Ouzbékistan"], ["Publicité"], ["Partager cet article"],
      ["No reproduction without permission."], ["Abonnez-vous au podcast sur l’appli Radio France."]],
     ["metadata"] + ["boilerplate"] * 4),
    ([["Image: Presidential press service"]], ["caption"]),
    ([["Almaty (Kazakhstan).– Quelque 300 entreprises chinoises exposaient jeudi leurs machines."]], ["body"]),
    ([["This material may not be published, broadcast or redistributed."], ["Support our work: become a member today."],
      ["Je m'abonne"], ["Votre abonnement vous permet de lire tous nos articles."], ["Découvrir les offres"]],
     ["boilerplate"] * 5),
    ([["Avec AFP"], ["Additional reporting by Reuters"], ["09:14 / 02.03.2026"]], ["metadata"] * 3),
    ([["De Samarcande à Xi’an"]], ["heading"]),
    # what those forms must not take: a body sentence with a date, a person in a city
    ([["Le 17 juin 2025, à Astana, les six dirigeants ont signé un traité."],
      ["Xi Jinping in Astana: a treaty and six pavilions"]], ["body", "heading"]),
])
def test_each_sentence_has_its_role(paragraphs, kinds):
    assert [role.kind for role in read_roles(paragraphs)] == kinds


def test_a_city_and_country_before_a_point_and_dash_is_a_dateline():
    """Mediapart's form: where the story was filed, not a place it is about."""
    text = "Bichkek (Kirghizstan).– Plus de 600 entrepreneurs participaient mercredi au forum."
    role, = read_roles([[text]])
    assert text[:role.dateline_end].strip() == "Bichkek (Kirghizstan).–"


def test_a_title_case_city_before_the_agency_is_a_dateline():
    [role] = read_roles([["Tashkent (AFP) - Uzbekistan signed a loan with China on Monday."]])
    assert role.dateline_end == len("Tashkent (AFP) - ")


def test_a_dateline_opening_a_sentence_leaves_it_content_but_its_city_does_not_count(news):
    lead = sentence(news, "002_a5791866ed85a95e", "PÉKIN, 19 juin 2025")
    role = news.role(lead)
    assert role.content and lead.text[:role.dateline_end].startswith("PÉKIN, 19 juin 2025 (GLOBE NEWSWIRE)")
    assert any(m.key == "beijing" for m in lead.mentions)  # the recogniser finds the city …
    assert not news.counts_for(lead, "place", "beijing")  # … where the story was filed, not what it is about
    assert news.counts_for(lead, "place", "astana")
    assert all(e.sentence.article_id != "002_a5791866ed85a95e" for e in ranking.place_excerpts(news, "beijing"))


def test_captions_and_metadata_never_rank(news):
    shown = {e.sentence.text for slug in ("astana", "xian") for e in ranking.place_excerpts(news, slug)}
    shown |= {e.sentence.text for iso3 in ("KAZ", "CHN") for e in ranking.country_excerpts(news, iso3)}
    assert not any(text.startswith(("Une vue générale", "date 2025-06", "Chinese President Xi Jinping attends",
                                    "Le président chinois Xi Jinping prononce")) for text in shown)


# --- people and quotes -----------------------------------------------------------------------

def test_people_are_found_by_every_spelling_surname_and_office():
    finder = PeopleFinder(load_people())
    mentions, found = finder.article([
        "Le président kazakh Kassym-Jomart Tokaïev a reçu Si Цзиньпин.",
        "Tokaïev a salué la visite, a déclaré la porte-parole Aigul Nurbek.",
        "Xi’an accueillera le forum.",
        "Касым-Жомарт Токаев прибыл в Пекин.",
    ], 2025)
    assert [m.slug for m in mentions[0]] == ["kassym-jomart-tokayev"]
    assert [(m.slug, m.how) for m in mentions[1]] == [("kassym-jomart-tokayev", "surname"), ("aigul-nurbek", "found")]
    assert mentions[1][1].title == "porte-parole" and "aigul-nurbek" in found
    assert mentions[2] == []  # the city, not Xi
    assert [m.slug for m in mentions[3]] == ["kassym-jomart-tokayev"]


def test_a_surname_alone_counts_only_after_the_person_is_named():
    finder = PeopleFinder(load_people())
    mentions, _ = finder.article(["Lin said the talks went well.", "Lin Jian said so.", "Lin added a word."], 2025)
    assert [[m.slug for m in ms] for ms in mentions] == [[], ["lin-jian"], ["lin-jian"]]


def test_a_title_names_whoever_held_it_that_year():
    finder = PeopleFinder(load_people())
    assert [m.slug for m in finder.article(["Le président chinois a parlé."], 2020)[0][0]] == ["xi-jinping"]
    assert finder.article(["Le président chinois a parlé."], 2010)[0][0] == []


@pytest.mark.parametrize("article_id, starts, speaker, direct", [
    ("xinhua_astana_en", "\"The treaty enshrines", "xi-jinping", True),
    ("xinhua_astana_en", "\"It is a milestone", "xi-jinping", True),  # a bare quotation going on
    ("xinhua_astana_en", "He said China will", "xi-jinping", False),  # a pronoun: the last speaker
    ("xinhua_fr_astana", "« Nous voulons", "shavkat-mirziyoyev", True),  # "a-t-il ajouté"
    ("fr_briefing", "« Le sommet a été", "lin-jian", True),  # a quotation over two sentences
    ("fr_briefing", "Interrogé sur", "lin-jian", False),  # "le porte-parole": the article's spokesman
    ("003_118fb2841e588470", "Le président chinois Xi Jinping assistera", "lin-jian", False),  # "un porte-parole"
    ("002_a5791866ed85a95e", "Ces actions démontrent", "sun-weidong", False),  # "a pour sa part déclaré X"
    ("afp_fr_tjk", "« Sans la Chine", "azim-ibrohim", True),  # a minister the people file does not know
])
def test_quotes_are_attributed_to_their_speaker(news, article_id, starts, speaker, direct):
    statement = news.statement(sentence(news, article_id, starts))
    assert statement is not None and (statement.slug, statement.direct) == (speaker, direct)


def test_an_institution_is_no_speaker(news):
    assert news.statement(sentence(news, "xinhua_fr_astana", "Selon le ministère")) is None
    assert news.statement(sentence(news, "akipress_kgz_en", "According to the presidential")) is None


def test_a_persons_slug_is_lower_case_ascii_words():
    assert person_slug("Kassym-Jomart Tokaïev") == "kassym-jomart-tokaiev"
    assert person_slug("Sirodjiddine Mouhriddine") == "sirodjiddine-mouhriddine"


def test_a_persons_excerpts_give_their_quotes_first(news):
    excerpts = ranking.person_excerpts(news, "xi-jinping")
    direct = [news.statement(e.sentence) for e in excerpts]
    kinds = ["quoted" if s and s.slug == "xi-jinping" and s.direct else "reported" if s and s.slug == "xi-jinping"
             else "named" for s in direct]
    assert kinds[0] == "quoted" and "reported" in kinds and "named" in kinds
    assert kinds == sorted(kinds, key=["quoted", "reported", "named"].index)


# --- summits ---------------------------------------------------------------------------------

def test_a_sentence_about_a_summit_belongs_to_its_venue_without_naming_it(news):
    treaty = sentence(news, "002_a5791866ed85a95e", "Marquant une étape")
    assert "astana" not in {m.key for m in treaty.mentions}
    assert news.summit(treaty) == "astana"
    astana = ranking.place_excerpts(news, "astana")
    assert treaty in astana.sentences()
    assert news.summit(sentence(news, "002_a5791866ed85a95e", "En 2020, la Chine")) is None  # another time
    assert news.summit(sentence(news, "xinhua_astana_en", "Trade between China")) is None  # a statistic's year


def test_a_venue_panel_leads_with_what_was_signed_there(news):
    first = ranking.place_excerpts(news, "astana")[0].sentence
    assert news.summit(first) == "astana" and ("sign" in first.text.lower() or "Traité" in first.text)


def test_a_summits_outcomes_are_one_item_each_with_all_their_sources(news):
    index = news.index
    sentences = [(s, index.corpus.articles[s.article_id].language) for s in news.summit_sentences("astana")]
    outcomes = summit_outcomes(sentences)
    treaty = next(o for o in outcomes["document"] if o.key == "treaty")
    assert set(treaty.labels) == {"fr", "en"} and len({s.article_id for s in treaty.sentences}) >= 3
    assert any("Astana" in o.label("en") for o in outcomes["document"] if o.key == "declaration")
    assert any(o.key == "centre:3" and len(o.labels) == 2 for o in outcomes["mechanism"])
    assert any("1.5 billion yuan" in o.label("en") for o in outcomes["commitment"])
    xian = summit_outcomes([(s, index.corpus.articles[s.article_id].language) for s in news.summit_sentences("xian")])
    assert any("Xi'an Declaration" in o.label("en") for o in xian["document"])
    assert not any(o.key == "treaty" for o in xian["document"])


# --- specific before general -----------------------------------------------------------------

def test_three_countries_panels_begin_with_what_is_said_of_each(news):
    index = news.index
    firsts = {}
    for iso3 in ("KGZ", "TKM", "TJK"):
        excerpts = ranking.country_excerpts(news, iso3)
        top = excerpts.sentences()[:3]
        assert all(len(index.countries_named(s)) < 5 for s in top), iso3  # not the lists of all five
        assert all(iso3 in index.countries_named(s) for s in top), iso3
        firsts[iso3] = tuple(s.id for s in top)
        lists = [position for position, s in enumerate(excerpts.sentences()) if len(index.countries_named(s)) >= 5]
        specific = [position for position, s in enumerate(excerpts.sentences()) if index.countries_named(s) == (iso3,)]
        assert max(specific) < min(lists), iso3
    assert len(set(firsts.values())) == 3


def test_seed_corpus_venue_panel_has_the_treaty_and_no_caption(seed_index):
    reading = reading_of(seed_index)
    astana = ranking.place_excerpts(reading, "astana")
    texts = [s.text for s in astana.sentences()]
    assert any(text.startswith("Marquant une étape importante, les six pays ont signé") for text in texts)
    assert not any(text.startswith(("Une vue générale", " date", "date 2025")) for text in texts)
    found = seed_index.search("traite", within=astana)
    assert len(found) >= 1


# --- the timeline ----------------------------------------------------------------------------

def test_the_timeline_holds_events_once_and_no_caption_or_statistic(news, monkeypatch):
    # the events are grouped from the store's keys: no dated sentence's text or article is read
    # (100,000 articles have hundreds of thousands); `sources` reads those of an event shown
    with monkeypatch.context() as m:
        for reader in ("dated", "dated_at", "articles_of"):
            m.setattr(news.index, reader, lambda *a, **k: pytest.fail("read the events' sentences"))
        entries = timeline_entries(news.index, news.summits)
    # every date the analysis took as an event is in one entry, once; no other date is
    taken = Counter(e.sentence.id for e in corpus_events(news.index) if e.entry and e.status not in ("reference", "expected"))
    assert Counter(key[0] for e in entries for key in e.keys) == taken
    assert all(s.date == e.date for e in entries if not e.summit for s in sources(e, news.index))
    assert len(taken) < news.index.dated_count()  # there were dates it does not take
    xian = [e for e in entries if e.summit == "xian"]
    assert len(xian) == 1 and len({e.article.id for e in sources(xian[0], news.index) if e.article}) >= 3
    # each summit from the atlas's list first, with the sentence naming it
    assert all(e.listed[0].basis == "summit_list" and e.listed[0].sentence is not None for e in entries if e.summit)
    dates = [e.date for e in entries]
    assert "2024-07-03" not in dates  # the Baiterek photo caption
    assert "2024" not in dates  # "94,8 milliards de dollars en 2024"
    planned = next(e for e in entries if e.date == "2026")
    assert planned.status == "planned"
    expected = [e for e in entries if e.status == "expected"]
    assert len(expected) == 1 and expected[0].count >= 2  # the rule, and "the third summit … in 2027"
    first = sources(expected[0], news.index)
    assert first[0].basis == "alternation" and all(e.sentence is not None for e in first)


def test_an_article_added_with_a_quote_reaches_its_speakers_panel(tmp_path: Path):
    for path in SEEDS.glob("*.md"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "mao.md").write_text(article_text(
        "Mao Ning briefing", "BEIJING, June 20 (Xinhua) -- \"The summit was a success,\" Mao Ning said.",
        published="2025-06-20"), encoding="utf-8")
    reading = CorpusReading(build_index(tmp_path))
    quoted, _, _ = reading.person_sentences("mao-ning")
    assert [s.article_id for s in quoted] == ["mao"]


def _article(tmp_path: Path, name: str, published: str, language: str, paragraphs: list[str]):
    """The reading of one article written for the test, a paragraph per item."""
    (tmp_path / f"{name}.md").write_text(
        f"---\ntitle: T\npublished: {published}\nlanguage: {language}\nsource: S\n---\n\n" + "\n\n".join(paragraphs) + "\n",
        encoding="utf-8")
    return reading_of(build_index(tmp_path)).article(name)


def _summits(tmp_path: Path, name: str, published: str, language: str, paragraphs: list[str]) -> list[str | None]:
    return list(_article(tmp_path, name, published, language, paragraphs).summits)


def _speakers(article) -> list[str | None]:
    return [s.slug if s else None for s in article.statements]


@pytest.mark.parametrize("paragraphs, speakers", [
    ([  # an office then the name in commas, the leader by his title, an analyst, an official in apposition
        "Uzbek President Shavkat Mirziyoyev met Xi Jinping in Tianjin on Monday.",
        "\"China is our reliable partner. We are ready to raise our cooperation to a new level,\" the Uzbek leader said.",
        "\"Beijing is offering money and investment,\" said Aziz Karimov, a senior fellow at a Tashkent think tank.",
        "China's foreign ministry spokesperson, Guo Jiakun, stressed that the visit was a success.",
        "Mirziyoyev also acknowledged that the railway had been delayed."],
     [None, "shavkat-mirziyoyev", "shavkat-mirziyoyev", "aziz-karimov", "guo-jiakun", "shavkat-mirziyoyev"]),
    ([  # the listener of "told", the sentence's own subject, "the head of state", a name with particles
        "President Serdar Berdimuhamedov told Xi Jinping on Monday that his country was ready to double supplies.",
        "Xi first brought the leaders together in Xi'an in 2023, when he promised 26 billion yuan in financing.",
        "Kyrgyz President Sadyr Japarov arrived later.",
        "\u201cRussia remains our strategic partner,\u201d the head of state said.",
        "\u201cWe are real partners,\u201d said the President of the European Commission, Ursula von der Leyen."],
     ["serdar-berdimuhamedov", "xi-jinping", None, "sadyr-japarov", "ursula-von-der-leyen"]),
    ([  # Akorda's house style: "Head of State X", then "the President" and "the Head of State" are he;
        # a second person named before "and said" is not the one who says it
        "Head of State Kassym-Jomart Tokayev received Chinese Foreign Minister Wang Yi in Astana.",
        "The President noted that the summit would give a new impetus to cooperation.",
        "“We are ready to work together,” the Head of State said.",
        "Wang Yi, in turn, conveyed greetings from President Xi Jinping and said China valued the partnership."],
     [None, "kassym-jomart-tokayev", "kassym-jomart-tokayev", "wang-yi"]),
])

def test_speakers_by_apposition_title_office_and_as_the_sentences_subject(tmp_path: Path, paragraphs, speakers):
    assert _speakers(_article(tmp_path, "visit", "2025-09-02", "en", paragraphs)) == speakers


def test_an_unnamed_diplomat_is_not_the_spokesperson_of_the_diplomacy(tmp_path: Path):
    article = _article(tmp_path, "rfi", "2023-05-17", "fr", [
        "Le porte-parole de la diplomatie chinoise, Wang Wenbin, a souligné que ce sommet serait un grand événement.",
        "« Pékin veut montrer qu'il a des amis », analyse un diplomate européen en poste à Pékin.",
        "« Le Kazakhstan n’a que des partenaires », répète Kassym-Jomart Tokaïev."])
    assert _speakers(article) == ["wang-wenbin", None, "kassym-jomart-tokayev"]


def test_an_analyst_with_a_modifier_an_institution_and_a_dated_summit(tmp_path: Path):
    article = _article(tmp_path, "eurasianet", "2024-06-07", "en", [
        "Kyrgyzstan, China and Uzbekistan signed the railway agreement in Beijing on Thursday.",
        "The 523-km line will cost about $4.7 billion.",
        "The leaders, hosted by Chinese President Xi Jinping, first discussed the line at the first China-Central Asia "
        "summit in Xi'an in May 2023.",
        "At that gathering, Xi said China would provide 26 billion yuan in financing.",
        "\u201cThe railway is the one deliverable everyone can see,\u201d said Temirlan Asanov, a transport economist in Bishkek.",
        "The line will anchor its presence in the region, Beijing says."])
    assert _speakers(article) == [None, None, None, "xi-jinping", "temirlan-asanov", None]
    assert list(article.summits) == [None, None, "xian", "xian", None, None]


SUMMIT_CASES = {
    # another meeting is not ours, even in an article that recalls ours
    "sco": ("2025-09-01", "en", [
        "Uzbek President Shavkat Mirziyoyev met Xi Jinping in Tianjin on the sidelines of the SCO summit.",
        "The leaders discussed the railway and new flights.",
        "They also reviewed the results of the second China-Central Asia summit held in Astana in June.",
        "G7 leaders are expected to discuss supply chains next month."], [None, None, "astana", None]),
    # the other summit recalled, the next one as decided there, another series' "first summit"
    "astana": ("2025-06-17", "fr", [
        "ASTANA (AFP) - Le président chinois Xi Jinping a signé mardi à Astana un traité avec les dirigeants "
        "des cinq pays d'Asie centrale.",
        "Il y a deux ans, à Xi'an, les dirigeants avaient lancé le mécanisme.",
        "Les dirigeants sont convenus que le prochain sommet se tiendrait en Chine en 2027.",
        "Vladimir Poutine avait réuni les dirigeants de la région à Astana en 2022, lors du premier sommet "
        "Russie-Asie centrale."], ["astana", "xian", "astana", None]),
    "plan": ("2025-09-01", "en", ["The next China-Central Asia summit is scheduled to be held in China in 2027."], [None]),
    # a lead about something else only recalls a summit; the next one as known when written
    "railway": ("2025-01-08", "fr", [
        "Le chantier du chemin de fer Chine-Kirghizstan-Ouzbékistan a été lancé fin décembre.",
        "« C’est un projet historique », a déclaré le président kirghiz Sadyr Japarov lors de la cérémonie.",
        "L’accord a été signé en juin 2024 à Pékin.",
        "Le sommet de Xi’an en 2023 avait donné une impulsion décisive au projet.",
        "Les présidents feront le point lors du prochain sommet Chine-Asie centrale."], [None, None, None, "xian", "astana"]),
    "gas": ("2025-09-02", "en", [
        "Turkmenistan is pressing China to build a fourth gas link, its office said.",
        "The project was endorsed by the six leaders at the China-Central Asia summit in June.",
        "“Every summit restates it,” said an analyst."], [None, "astana", None]),
    # "the summit" said before another meeting is ours; a summit by its date
    "tv5": ("2023-05-19", "fr", [
        "Xi'an (Chine) (AFP) - Les dirigeants de la Chine et des cinq pays d'Asie centrale se sont réunis vendredi.",
        "Le sommet coïncidait avec celui du G7 à Hiroshima, au Japon."], ["xian", "xian"]),
    "samarcande": ("2025-04-04", "fr", [
        "L'Union européenne a promis 12 milliards d'euros lors d'un premier sommet avec les cinq pays à Samarcande.",
        "En mai 2023, Xi Jinping avait reçu les cinq présidents dans l'ancienne capitale impériale pour un sommet inédit."],
        [None, "xian"]),
    # in a story about another meeting: "that meeting", "alors", a venue with its summit's day
    "c5": ("2025-11-07", "en", [
        "The five presidents met U.S. President Donald Trump in Washington on November 6.",
        "The meeting came five months after the five leaders met Xi Jinping at the China-Central Asia summit in Astana.",
        "At that meeting, Xi announced that China would host the next summit in 2027."], [None, "astana", "astana"]),
    "gabala": ("2025-10-08", "fr", [
        "Les dirigeants turciques se sont réunis mardi à Gabala, en Azerbaïdjan, pour un sommet de l'OTS.",
        "En juin, les cinq présidents d'Asie centrale avaient signé à Astana un traité avec Xi Jinping lors du sommet "
        "Chine-Asie centrale.",
        "Les six dirigeants s'étaient alors donné rendez-vous en Chine en 2027."], [None, "astana", "astana"]),
    "forum": ("2025-07-03", "fr", [
        "Plus de 600 entrepreneurs participaient mercredi à un forum d'affaires à Bichkek.",
        "À Astana, le 17 juin, Xi Jinping avait promis 1,5 milliard de yuans de dons à la région.",
        "À Astana, le 2 juillet, une foire agricole a ouvert ses portes."], [None, "astana", None]),
}


@pytest.mark.parametrize("name", SUMMIT_CASES)
def test_which_summit_each_sentence_is_about(tmp_path: Path, name):
    published, language, paragraphs, summits = SUMMIT_CASES[name]
    assert _summits(tmp_path, name, published, language, paragraphs) == summits


# --- kept in the store -----------------------------------------------------------------------

def test_a_panel_is_read_from_the_store_without_reading_any_article_again(tmp_path: Path, monkeypatch):
    """The close reading is done when an article is analysed: a restarted index lists the venue's
    summit sentences (which do not name it), a person's quotes and the people found by a title
    without reading a single article again."""
    from corpus.build import load_index, update_store
    from corpus.reader import CloseReader

    for path in [*SEEDS.glob("*.md"), *FIXTURES.glob("*.md")]:
        shutil.copy(path, tmp_path / path.name)
    built = reading_of(build_index(tmp_path))
    wanted = {"astana": [s.id for s in ranking.place_excerpts(built, "astana").sentences()],
              "xi": [s.id for s in ranking.person_excerpts(built, "xi-jinping").sentences()],
              "found": sorted(built.found_people())}

    def no_reading(*_):
        raise AssertionError("an article was read again")

    monkeypatch.setattr(CloseReader, "article", no_reading)
    reading = CorpusReading(load_index(update_store(tmp_path)))
    astana = ranking.place_excerpts(reading, "astana")
    assert [s.id for s in astana.sentences()] == wanted["astana"]
    unnamed = [s for s in astana.sentences() if not any(m.key == "astana" for m in s.mentions)]
    assert unnamed and all(reading.summit(s) == "astana" for s in unnamed)
    assert [s.id for s in ranking.person_excerpts(reading, "xi-jinping").sentences()] == wanted["xi"]
    assert sorted(reading.found_people()) == wanted["found"] and wanted["found"]


def test_a_summit_sheet_is_a_query_of_what_the_analysis_kept(tmp_path: Path, monkeypatch):
    """A summit's sheet counts what every sentence about it states (the same items, sources and
    people as reading them all again would give) without reading a sentence's text or reading."""
    from corpus.build import load_index, update_store
    from corpus.excerpts import CorpusIndex
    from present.summits import SOURCES, summit_sheet

    for path in [*SEEDS.glob("*.md"), *FIXTURES.glob("*.md")]:
        shutil.copy(path, tmp_path / path.name)
    built = reading_of(build_index(tmp_path))
    articles = built.index.corpus.articles
    wanted = {}
    for venue in ("xian", "astana"):
        sentences = built.summit_sentences(venue)
        outcomes = summit_outcomes([(s, articles[s.article_id].language) for s in sentences])
        wanted[venue] = ({(kind, o.label("en"), len(o.sentences)) for kind, items in outcomes.items() for o in items},
                         len(sentences), built.people_named(sentences))

    def no_reading(*_):
        raise AssertionError("the sheet read what the analysis kept")

    monkeypatch.setattr(CorpusIndex, "readings", no_reading)
    monkeypatch.setattr(CorpusReading, "summit_sentences", no_reading)
    index = load_index(update_store(tmp_path))
    for venue in ("xian", "astana"):
        sheet = summit_sheet(index, venue, "en")
        items, count, named = wanted[venue]
        assert {(i.kind, i.label, i.count) for listed in sheet.items.values() for i in listed} == items
        assert all(0 < len(i.sources) <= min(SOURCES, i.count) for listed in sheet.items.values() for i in listed)
        assert sheet.sentences == count and dict(sheet.attended) == named
    treaty = next(i for i in summit_sheet(index, "astana", "fr").items["document"] if i.label.startswith("Traité"))
    assert treaty.language == "fr" and treaty.count >= 3


def test_a_sentence_reading_comes_back_from_the_store_as_it_was_read(news):
    from corpus.reader import SentenceReading, as_json, from_json

    read = [news.article(article_id) for article_id in news.index.corpus.articles]
    kept = [(r.roles[n], r.people[n], r.statements[n], r.summits[n]) for r in read for n in range(len(r.sentences))]
    assert any(role.quotes for role, *_ in kept) and any(statement for *_, statement, _ in kept)
    for role, people, statement, summit in kept:
        reading = SentenceReading(role, people, statement, summit)
        assert from_json(as_json(reading)) == reading
