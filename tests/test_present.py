"""The presentation layer without Streamlit: what a view selects, its name, heading and fallback,
and the addresses that reopen it. No AppTest and no server here."""

from __future__ import annotations

import pytest

from present.links import selection_params, shared_address, view_link
from present.selection import fallback, heading, selection_excerpts, selection_name
from present.view import View


@pytest.mark.parametrize("view, on_map, selects, theme_narrows, search_narrows, theme_only", [
    (View(), False, False, False, False, False),
    (View(place="astana"), True, True, False, False, False),
    (View(country="KAZ", theme="trade"), True, True, True, False, False),
    (View(theme="trade"), False, True, False, False, True),
    (View(theme="trade", q="gaz"), False, True, False, True, False),
    (View(q="gaz"), False, True, False, False, False),
    (View(place="astana", q="gaz"), True, True, False, True, False),
])
def test_what_a_view_selects_is_said_once(view, on_map, selects, theme_narrows, search_narrows, theme_only):
    assert (view.on_map, view.selects, view.theme_narrows, view.search_narrows, view.theme_only) == (
        on_map, selects, theme_narrows, search_narrows, theme_only)
    assert view.changed == selects


def test_an_open_article_alone_is_a_change_but_not_a_selection():
    view = View(article="x")
    assert view.changed and not view.selects


def test_the_selection_name_says_what_the_view_shows(seed_index):
    assert selection_name(View(place="astana", theme="trade", until=2024), seed_index) == \
        "★ Astana · Smooth trade · as of 2024"
    assert selection_name(View(country="KGZ", q="gaz", lang="fr"), seed_index) == "Kirghizstan · recherche « gaz »"
    assert selection_name(View(), seed_index) == "The whole map"


def test_the_heading_gives_a_venue_its_summit_and_a_country_its_capital(seed_index):
    venue = heading(View(place="astana"), seed_index)
    assert venue.title == "★ Astana" and venue.facts[0].startswith("**Second China–Central Asia Summit")
    country = heading(View(country="UZB", until=2024), seed_index)
    assert country.title == "Uzbekistan" and "Capital: Tashkent" in country.facts
    assert country.notes[-1] == "As of 2024: only articles published by then."
    assert heading(View(), seed_index) is None


def test_a_searched_words_are_inert_in_the_heading(seed_index):
    top = heading(View(q="<b>[x](javascript:alert(1))</b>"), seed_index)
    assert "<b>" not in top.title and "](" not in top.title


def test_a_narrowed_selection_that_finds_nothing_offers_the_rest(seed_index):
    view = View(country="KAZ", q="zzzzzz")
    excerpts = selection_excerpts(view, seed_index)
    assert len(excerpts) == 0
    offer = fallback(view, seed_index, excerpts)
    assert offer.unfiltered == len(selection_excerpts(View(country="KAZ"), seed_index)) > 0
    assert offer.theme_excerpts is None
    assert fallback(View(country="KAZ"), seed_index, selection_excerpts(View(country="KAZ"), seed_index)) is None


def test_links_reopen_the_view_without_the_cloud_frame_or_the_old_query():
    assert shared_address("https://x.streamlit.app/~/+/table?place=astana#top") == "https://x.streamlit.app/table"
    assert shared_address(None) is None
    assert view_link(View(place="astana", lang="fr"), "https://a.org/") == "https://a.org/?place=astana&lang=fr"
    assert selection_params(View(place="astana", article="x", lang="fr")) == "place=astana"


def imported_packages(folder: str) -> dict[str, set[str]]:
    """Each module of `folder` → the top-level packages it imports (anywhere in the module)."""
    import ast

    from tests.conftest import ROOT

    found = {}
    for path in (ROOT / folder).glob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
        found[path.name] = names
    return found


@pytest.mark.parametrize("folder, forbidden", [
    ("corpus", {"streamlit", "streamlit_folium", "geo", "present", "ui"}),
    ("geo", {"streamlit", "streamlit_folium", "present", "ui"}),
    ("present", {"streamlit", "streamlit_folium", "ui"}),
])
def test_data_flows_one_way_and_only_ui_imports_streamlit(folder, forbidden):
    modules = imported_packages(folder)
    assert modules, folder
    assert {name: sorted(packages & forbidden) for name, packages in modules.items() if packages & forbidden} == {}
