"""Sharing: the copyable link of the current view, a link to one excerpt (`sentence`), and its parsing."""

from __future__ import annotations

import pytest

from tests.helpers import click, params, run_app
from present.links import view_link
from present.view import View, view_from_params

ARTICLE = "000_cb61f1babf2667c4"
THIRD = "Ce sommet revêt une importance historique et ouvrira une nouvelle ère de coopération"


def test_a_sentence_of_the_article_is_read(seed_index):
    view, rejected = view_from_params({"article": [ARTICLE], "sentence": ["3"], "place": ["xian"]}, seed_index)
    assert rejected == []
    assert view == View(place="xian", article=ARTICLE, sentence=3)
    assert view.as_params() == {"place": "xian", "article": ARTICLE, "sentence": "3"}


@pytest.mark.parametrize("sentence", ["0", "-1", "x", "3.5", "14", "999999999", "٣"])
def test_a_sentence_the_article_does_not_have_falls_back_to_the_default_view(seed_index, sentence):
    view, rejected = view_from_params({"article": [ARTICLE], "sentence": [sentence], "lang": ["fr"]}, seed_index)
    assert [r.param for r in rejected] == ["sentence"]
    assert view == View(lang="fr")


def test_a_sentence_without_an_article_is_rejected(seed_index):
    view, rejected = view_from_params({"sentence": ["1"], "place": ["astana"]}, seed_index)
    assert [r.param for r in rejected] == ["sentence"] and view == View()


def test_closing_the_article_forgets_its_sentence():
    view = View(place="xian", article=ARTICLE, sentence=3)
    assert View(place="xian", article=None, sentence=3) == View(place="xian")
    assert view.selecting_country("KAZ").as_params() == {"country": "KAZ"}


def test_view_link_is_absolute_when_the_page_address_is_known_and_relative_otherwise():
    view = View(place="astana", lang="fr")
    assert view_link(view, base="https://atlas.example.org/") == "https://atlas.example.org/?place=astana&lang=fr"
    assert view_link(view, base="") == "?place=astana&lang=fr"
    assert view_link(View(), base="https://atlas.example.org/") == "https://atlas.example.org/"
    assert view_link(View(q="a&b=c"), base="") == "?q=a%26b%3Dc"


def test_page_address_drops_the_query_and_community_clouds_frame_path(monkeypatch):
    import ui.share as share

    for seen, expected in [("http://127.0.0.1:8501", "http://127.0.0.1:8501/"),
                           ("https://atlas.streamlit.app/~/+/", "https://atlas.streamlit.app/"),
                           ("https://example.org/atlas/timeline", "https://example.org/atlas/timeline")]:
        monkeypatch.setattr(share.st, "context", type("Context", (), {"url": seen})())
        assert share.page_address() == expected


def links_in(at) -> list[str]:
    """The addresses in the page's copy fields, in order (the view's, then each excerpt's)."""
    import html
    import re

    bodies = [element.proto.body for element in at.get("html") if "atlas-copy" in element.proto.body]
    return [html.unescape(re.search(r'value="([^"]*)"', body).group(1)) for body in bodies]


def test_the_link_box_holds_the_current_view_and_follows_a_map_click():
    at = run_app({"place": "astana", "lang": "fr"})
    assert links_in(at)[0] == "?place=astana&lang=fr"  # AppTest has no browser address: relative
    click(at, 47.0, 67.0, count=1)
    assert params(at) == {"country": "KAZ", "lang": "fr"}
    assert links_in(at)[0] == "?country=KAZ&lang=fr"


def test_each_excerpt_opens_its_article_at_its_sentence_with_a_link_to_copy():
    at = run_app({"place": "xian"})
    opens = [b for b in at.button if b.label == "Open the article"]
    assert len(opens) >= 3 and len(links_in(at)) == 1  # the view's link only: no field per card
    opens[0].click().run()
    link = links_in(at)[-1]  # in the article dialog
    assert link.startswith("?place=xian&article=") and "&sentence=" in link
    assert any(c.value == "Link to this excerpt" for c in at.caption)
    at = run_app(dict(part.split("=") for part in link[1:].split("&")))
    assert not at.warning
    framed = [m.value for m in at.markdown if 'id="atlas-linked-sentence"' in m.value]
    assert len(framed) == 1
    assert "<mark>" in framed[0].split('id="atlas-linked-sentence"', 1)[1].split("</span>", 1)[0]  # it names Xi'an


def test_an_excerpt_link_frames_that_sentence_in_the_article():
    at = run_app({"article": ARTICLE, "sentence": "3"})
    framed = [m.value for m in at.markdown if 'id="atlas-linked-sentence"' in m.value]
    assert len(framed) == 1
    inside = framed[0].split('id="atlas-linked-sentence"', 1)[1].split("</span>", 1)[0]
    assert THIRD in inside and "Il renforcera" not in inside  # only that sentence is framed
    assert any(m.value.startswith("The linked excerpt, sentence 3 of the article") for m in at.markdown)
    next(b for b in at.button if b.label == "Back to the excerpts").click().run()
    assert params(at) == {}


def test_opening_an_article_from_an_excerpt_frames_that_excerpt():
    at = run_app({"place": "astana"})
    next(b for b in at.button if b.label == "Open the article").click().run()
    assert set(params(at)) == {"place", "article", "sentence"}
    assert len([m for m in at.markdown if 'id="atlas-linked-sentence"' in m.value]) == 1


def test_a_bad_sentence_link_shows_a_message_and_the_default_view():
    at = run_app({"article": ARTICLE, "sentence": "99"})
    assert len(at.warning) == 1 and "sentence=99" in at.warning[0].value
    assert "Click a country" in "\n".join(m.value for m in at.markdown)
    assert params(at) == {}


def test_every_link_parameter_is_in_the_readmes_links_table():
    from tests.conftest import ROOT
    from present.view import PARAMS

    readme = (ROOT / "README.md").read_text()
    table = readme.split("## Links", 1)[1].split("\n## ", 1)[0]
    assert all(f"| `{name}` |" in table for name in PARAMS)


def test_streamlits_embed_parameters_survive_url_rewrites_and_are_not_reported():
    at = run_app({"embed": "true", "embed_options": "show_padding", "place": "ASTANA"})  # rewritten to astana
    assert not at.warning
    assert params(at) == {"embed": "true", "embed_options": "show_padding", "place": "astana"}
    click(at, 47.0, 67.0, count=1)
    assert params(at) == {"embed": "true", "embed_options": "show_padding", "country": "KAZ"}
    assert links_in(at)[0] == "?country=KAZ"  # the shared link opens the whole atlas


def test_the_timeline_opens_an_article_framed_at_the_dated_sentence():
    from urllib.parse import parse_qsl

    at = run_app(page="pages/timeline.py")
    links = [link.proto.query_string for link in at.get("page_link") if link.proto.label == "Open the article"]
    assert links and all("&sentence=" in link for link in links)
    opened = run_app(dict(parse_qsl(links[0])))
    assert not opened.warning
    framed, = [m.value for m in opened.markdown if 'id="atlas-linked-sentence"' in m.value]
    assert "31 ans" in framed.split('id="atlas-linked-sentence"', 1)[1].split("</span>", 1)[0]
