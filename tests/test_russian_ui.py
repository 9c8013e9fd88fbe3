"""The interface in Russian (?lang=ru): every page shows no English string of the interface, names
and labels in Russian, dates by Babel, and the page's own `lang`."""

from __future__ import annotations

import re
import string

import pytest

from tests.helpers import html_of, map_component, run_app
from present.strings import STRINGS

PAGES = [None, "pages/timeline.py", "pages/themes.py", "pages/table.py", "pages/about.py"]


def english_only_fragments() -> set[str]:
    """Pieces of the English strings (between placeholders) of a dozen characters or more that the
    Russian strings do not share: any of them on a Russian page is an untranslated string."""
    russian = " ".join(STRINGS["ru"].values())
    fragments = set()
    for text in STRINGS["en"].values():
        for literal, *_ in string.Formatter().parse(text):
            for piece in re.split(r"[`*()]", literal or ""):
                piece = piece.strip(" .,:;–—")
                if len(piece) >= 12 and re.search(r"[a-z]{4}", piece) and piece not in russian:
                    fragments.add(piece)
    return fragments


def shown(at) -> str:
    elements = [*at.markdown, *at.caption, *at.subheader, *at.title, *at.warning, *at.info, *at.button, *at.metric,
                *at.selectbox, *at.radio, *at.text_input, *at.slider]
    texts = [getattr(e, "value", "") if isinstance(getattr(e, "value", ""), str) else "" for e in elements]
    texts += [getattr(e, "label", "") or "" for e in elements]
    return "\n".join([*texts, html_of(at)])


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p or "map")
def test_every_page_is_in_russian(page):
    at = run_app({"lang": "ru", "place": "astana"}, page=page)
    text = shown(at)
    assert re.search(r"[А-Яа-я]{4}", text)
    left = sorted(fragment for fragment in english_only_fragments() if fragment in text)
    assert not left, left
    assert 'document.documentElement.lang = "ru"' in html_of(at)  # <html lang="ru"> for screen readers


def test_the_map_its_places_themes_and_summits_are_in_russian():
    at = run_app({"lang": "ru", "place": "astana", "theme": "trade"})
    assert at.subheader[0].value == "★ Астана"
    text = shown(at)
    assert "Второй саммит «Китай — Центральная Азия», 17 июня 2025\u202fг." in text
    assert "Беспрепятственная торговля" in text
    script = map_component(at)["script"]
    assert "Казахстан" in script and "Столица: Казахстан" not in script or "Столица" in script
    assert "Capital of" not in script and "Summit venues" not in script


def test_a_country_panel_in_russian_keeps_excerpts_in_their_language():
    at = run_app({"lang": "ru", "country": "KAZ"})
    assert at.subheader[0].value == "Казахстан"
    text = shown(at)
    assert 'lang="fr"' in text and "Kazakhstan" in text  # the French excerpts, as written, marked as French


def test_the_timeline_counts_years_back_in_russian_grammar():
    # seed 000: «… depuis l’établissement des relations diplomatiques il y a 31 ans» (published 2023)
    text = shown(run_app({"lang": "ru"}, page="pages/timeline.py"))
    assert "За 31 год до даты статьи" in text
    assert "31 лет" not in text
