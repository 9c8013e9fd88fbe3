"""The summits page, people's panels, why each excerpt is there and the timeline following the
selection, through AppTest, on the seeds and on the agency-style articles of tests/fixtures/summits."""

from __future__ import annotations

import shutil
from urllib.parse import parse_qsl

import pytest

from tests.conftest import ROOT, SEEDS
from tests.helpers import params, run_app, texts

FIXTURES = ROOT / "tests" / "fixtures" / "summits"


@pytest.fixture
def news(tmp_path, monkeypatch):
    folder = tmp_path / "news"
    folder.mkdir()
    for path in [*SEEDS.glob("*.md"), *FIXTURES.glob("*.md")]:
        shutil.copy(path, folder / path.name)
    monkeypatch.setenv("ATLAS_SEEDS_DIR", str(folder))
    return folder


def reasons(at) -> list[str]:
    return [c.value for c in at.caption if c.value.startswith(("names ", "about ", "lists ", "quotes ", "reports "))]


def test_astana_opens_with_what_was_signed_there():
    at = run_app({"place": "astana"})
    shown = texts(at)
    assert "What the summit produced" in shown
    produced = shown.split("What the summit produced", 1)[1]
    assert "Traité de bon voisinage éternel et de coopération amicale" in produced.split("excerpt(s), best first", 1)[0]
    assert reasons(at)[0] == "about the Astana summit"
    assert "Une vue générale" not in shown and "date 2025-06" not in shown


def test_astana_finds_the_treaty_by_search_and_by_trade():
    searched = run_app({"place": "astana", "q": "traite"})
    assert "vise à consacrer par la loi" in texts(searched) and "<mark>Traité</mark>" in texts(searched) and not searched.info
    trade = run_app({"place": "astana", "theme": "trade"})
    assert "commerce fluide" in texts(trade) and not trade.info


def test_three_countries_panels_differ_on_the_agency_articles(news):
    firsts = {}
    for iso3 in ("KGZ", "TKM", "TJK"):
        at = run_app({"country": iso3})
        firsts[iso3] = reasons(at)[:3]
        assert "lists the five countries" not in firsts[iso3], iso3
        excerpts = [m.value for m in at.markdown if 'class="atlas-lang"' in m.value]
        firsts[iso3] = tuple(excerpts[:3])
    assert len(set(firsts.values())) == 3


def test_a_person_panel_shows_their_quotes_first():
    at = run_app({"person": "xi-jinping"})
    assert at.subheader[0].value == "Xi Jinping"
    assert reasons(at)[0] == "quotes Xi Jinping"
    assert "« C’est une étape marquante pour aujourd’hui" in texts(at)


def test_a_person_found_by_their_office_has_a_panel(news):
    at = run_app({"person": "azim-ibrohim"})
    assert at.subheader[0].value == "Azim Ibrohim"
    assert "ministre tadjik des Transports" in texts(at) and "Not in the atlas's list of people" in texts(at)


def test_an_unknown_person_is_a_short_message_and_the_default_view():
    at = run_app({"person": "Nobody Here!"})
    assert len(at.warning) == 1 and "person=" in at.warning[0].value
    assert not at.subheader and params(at) == {}


def test_a_person_is_reachable_from_a_places_panel():
    at = run_app({"place": "astana"})
    next(b for b in at.button if b.label == "Lin Jian").click().run()
    assert params(at) == {"person": "lin-jian"}
    assert at.subheader[0].value == "Lin Jian" and "Porte-parole" not in at.subheader[0].value


def test_the_summits_page_puts_both_summits_side_by_side(news):
    at = run_app(page="pages/summits.py")
    headings = [s.value for s in at.subheader]
    assert headings[0].startswith("★ Xi’an") or headings[0].startswith("★ Xi'an")
    assert headings[1].startswith("★ Astana") and headings[2].startswith("Summit number 3: expected in 2027")
    shown = texts(at)
    assert "Xi&#39;an Declaration" in shown and "Treaty on Permanent Good&#45;Neighborliness" in shown
    assert "26 billion yuan" in shown and "1&#46;5 billion yuan" in shown
    people = {link.proto.label: link.proto.query_string for link in at.get("page_link") if " · " in link.proto.label}
    assert any(label.startswith("Xi Jinping · ") for label in people)
    rahmon = next(query for label, query in people.items() if label.startswith("Emomali Rahmon · "))
    opened = run_app(dict(parse_qsl(rahmon)))
    assert opened.subheader[0].value == "Emomali Rahmon" and not opened.warning


def test_the_summits_page_in_french_and_its_article_opens_there():
    at = run_app({"lang": "fr"}, page="pages/summits.py")
    assert "Signé ou adopté" in texts(at)
    next(b for b in at.button if b.label == "Ouvrir l’article").click().run()
    assert {"article", "sentence"} <= params(at).keys()
    assert not at.exception


def test_the_timeline_follows_the_selection_and_says_so():
    everything = run_app(page="pages/timeline.py")
    at = run_app({"person": "lin-jian"}, page="pages/timeline.py")
    assert at.info and "Lin Jian" in at.info[0].value
    dates = [m.value for m in at.markdown if m.value.startswith("**") and m.value[2].isdigit()]
    all_dates = [m.value for m in everything.markdown if m.value.startswith("**") and m.value[2].isdigit()]
    assert 0 < len(dates) < len(all_dates)
    next(b for b in at.button if b.label == "Show every event").click().run()
    assert "person" not in params(at)


def test_the_timeline_has_one_xian_summit_and_no_caption_date():
    at = run_app(page="pages/timeline.py")
    titles = [m.value for m in at.markdown if m.value.startswith("**First China–Central Asia Summit")]
    assert len(titles) == 1
    assert "**3 July 2024**" not in [m.value for m in at.markdown]
