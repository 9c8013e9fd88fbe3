"""The three interface languages (en, fr, ru): the same keys and placeholders in each, every name
and label translated, dates and numbers written by Babel per locale."""

from __future__ import annotations

import ast
import string
import unicodedata

import pytest

from corpus.gazetteer import load_gazetteer
from corpus.themes import load_themes
from tests.conftest import ROOT
from ui.atlas import tab_title
from present.strings import LANGUAGES, STRINGS, format_date, format_dates, format_number, plural, summit_label, t


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_language_has_every_key():
    assert set(STRINGS) == set(LANGUAGES)
    keys = {lang: set(STRINGS[lang]) for lang in LANGUAGES}
    for lang in LANGUAGES:
        for other in LANGUAGES:
            missing = keys[other] - keys[lang]
            assert not missing, f"{lang!r} lacks {sorted(missing)}"


@pytest.mark.parametrize("key", sorted(STRINGS["en"]))
def test_each_string_is_filled_in_with_the_same_placeholders_in_both(key):
    texts = {lang: STRINGS[lang].get(key) for lang in LANGUAGES}
    assert all(isinstance(text, str) and text.strip() for text in texts.values()), texts
    assert len({frozenset(placeholders(text)) for text in texts.values()}) == 1, texts


def _keys_used_in_code() -> set[str]:
    """Every literal key passed to t(lang, "key") in the app's code."""
    used = set()
    for path in [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t" and len(node.args) >= 2
                    and isinstance(node.args[1], ast.Constant)):
                used.add(node.args[1].value)
    return used


def test_every_key_the_code_asks_for_exists():
    used = _keys_used_in_code()
    assert used, "no t(lang, key) call found: the scan is broken"
    assert not used - set(STRINGS["en"]), sorted(used - set(STRINGS["en"]))


def test_every_theme_country_place_and_summit_has_both_names():
    gazetteer = load_gazetteer()
    for theme in load_themes().values():
        assert theme.label("en") and theme.label("fr"), theme.slug
        assert theme.label("ru") != theme.label("en") and is_cyrillic(theme.label("ru")), theme.slug
    for item in [*gazetteer.countries.values(), *gazetteer.places.values()]:
        assert item.name("en") and item.name("fr"), item
    for item in [*gazetteer.countries.values(), *(p for p in gazetteer.places.values() if p.capital or p.summit)]:
        assert is_cyrillic(item.name("ru")), item  # GeoNames and Babel give the Russian names
    assert [s.name("ru") for s in sorted((p.summit for p in gazetteer.places.values() if p.summit),
                                         key=lambda s: s.number)] == [
        "Первый саммит «Китай — Центральная Азия»", "Второй саммит «Китай — Центральная Азия»"]


    summits = [p.summit for p in gazetteer.places.values() if p.summit]
    assert summits and all(s.name("en") != s.name("fr") and s.facts("en") != s.facts("fr") for s in summits)
    assert all(is_cyrillic(s.facts("ru")) for s in summits)


def is_cyrillic(text: str) -> bool:
    return any("CYRILLIC" in unicodedata.name(c, "") for c in text)


@pytest.mark.parametrize(("value", "en", "fr", "ru"), [
    ("2025-06-17", "17 June 2025", "17 juin 2025", "17 июня 2025\u202fг."),
    ("2023-05", "May 2023", "mai 2023", "май 2023\u202fг."),
    ("2013", "2013", "2013", "2013"),
    ("2025-02-01", "1 February 2025", "1 février 2025", "1 февраля 2025\u202fг."),
    ("not a date", "not a date", "not a date", "not a date"),
])
def test_dates_are_written_in_the_readers_locale(value, en, fr, ru):
    assert (format_date(value, "en"), format_date(value, "fr"), format_date(value, "ru")) == (en, fr, ru)


@pytest.mark.parametrize(("n", "ru"), [(1, "1 файл"), (2, "2 файла"), (5, "5 файлов"), (21, "21 файл"), (1000, "1\xa0000 файлов")])
def test_counts_take_the_plural_form_of_the_language(n, ru):
    assert plural("ru", "skipped_files", n).startswith(ru + " ")
    assert plural("en", "skipped_files", n).startswith(f"{format_number(n, 'en')} file{'s' if n > 1 else ''} ")


def test_numbers_are_written_in_the_readers_locale():
    assert [format_number(94.8, lang) for lang in LANGUAGES] == ["94.8", "94,8", "94,8"]


def test_a_range_of_days_and_the_summit_labels():
    assert format_dates("2023-05-18/2023-05-19", "en") == "18–19 May 2023"
    assert format_dates("2023-05-18/2023-05-19", "fr") == "18–19 mai 2023"
    assert format_dates("2023-05-18/2023-05-19", "ru") == "18–19 мая 2023\u202fг."
    astana = load_gazetteer().places["astana"].summit
    assert summit_label(astana, "en") == "Second China–Central Asia Summit, 17 June 2025"
    assert summit_label(astana, "fr") == "Deuxième sommet Chine–Asie centrale, 17 juin 2025"


def test_an_unknown_language_falls_back_to_english():
    assert t("de", "language") == "Language"
    assert format_date("2025-06-17", "de") == "17 June 2025"


def test_babel_is_pinned_for_the_deployment():
    pins = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert any(line.lower().startswith("babel==") for line in pins)



def test_the_browser_tab_is_titled_in_the_readers_language():
    assert tab_title("en") == "China–Central Asia Summit Atlas"
    assert tab_title("fr", "timeline_title") == "Chronologie · Atlas des sommets Chine–Asie centrale"


@pytest.mark.parametrize(("n", "ru", "en", "fr"), [(1, "За 1 год", "1 year", "1 an"), (3, "За 3 года", "3 years", "3 ans"),
                                                 (10, "За 10 лет", "10 years", "10 ans"),
                                                 (31, "За 31 год", "31 years", "31 ans")])
def test_a_date_counted_back_in_years_says_the_years_as_each_language_does(n, ru, en, fr):
    written = [plural(lang, "basis_years_before", n, published="x") for lang in ("ru", "en", "fr")]
    assert [w.split(" до", 1)[0].split(" before", 1)[0].split(" avant", 1)[0] for w in written] == [ru, en, fr]
