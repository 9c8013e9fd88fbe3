"""Hostile links, generated (hypothesis) and opened through AppTest: every link parameter with
unknown values, values in any case, overlong strings, any Unicode, repeated parameters and
combinations. Never a traceback: a short message naming the parameter and the default view,
or, for a valid value in any case, that view.

Each example opens the app afresh (0.1–0.3 s); example counts keep the file at 15–25 s on two
busy cores. AppTest sends a list as a repeated parameter (?place=a&place=b); the parser is also
tested directly, with many more examples.
"""

from __future__ import annotations

import html
import unicodedata
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus.people import load_people
from tests.conftest import SEEDS, index_of
from tests.helpers import params, run_app, texts
from present.markup import inert
from present.view import MAX_QUERY, PARAMS, view_from_params
from present.strings import LANGUAGES, t

INDEX = index_of(SEEDS)


def found_people(index) -> list[str]:
    """People the seed articles name with an office, beyond the people file."""
    from corpus.reading import reading_of

    reading = reading_of(index)
    for article_id in index.corpus.articles:
        reading.article(article_id)
    return list(reading.found_people())
YEARS = [str(year) for year in range(1992, date.today().year + 1)]
KNOWN = {
    "country": list(INDEX.gazetteer.countries),
    "place": list(INDEX.gazetteer.places),
    "person": [*load_people(), *found_people(INDEX)],
    "theme": list(INDEX.themes),
    "article": list(INDEX.corpus.articles),
    "lang": list(LANGUAGES),
    "until": YEARS,
}
# `q` is free text up to MAX_QUERY; `sentence` is a number, valid only with an article that has it.
STANDALONE = (*KNOWN, "q")
SETTINGS = dict(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

any_text = st.text(st.characters(codec="utf-8"), max_size=40)  # a URL carries no lone surrogates
overlong = st.builds(lambda chunk, times: chunk * times, st.text(st.characters(codec="utf-8"), min_size=1, max_size=4),
                     st.integers(300, 3000))


def forms(value: str) -> set[str]:
    """Every reading of `value` a lenient parser might make; a value none of them knows is unknown."""
    stripped = value.strip()
    return {stripped, stripped.lower(), stripped.upper(), stripped.casefold(),
            unicodedata.normalize("NFKC", stripped).casefold()}


def is_number(value: str) -> bool:
    value = value.strip()
    return value.isascii() and value.isdigit() and len(value) <= 6 and int(value) >= 1


def is_unknown(param: str, value: str) -> bool:
    if not value.strip():
        return False  # blank: the same as absent
    if param == "q":
        return len(value.strip()) > MAX_QUERY
    if param == "sentence":
        return not is_number(value)
    return not forms(value) & {form for known in KNOWN[param] for form in forms(known)}


def unknown_value(param: str) -> st.SearchStrategy[str]:
    inside = KNOWN.get(param, ["0", "1", "12", "-1", "1e3", "１"])
    values = overlong if param == "q" else st.one_of(
        any_text, overlong,
        st.sampled_from(inside).flatmap(lambda known: st.tuples(any_text, any_text).map(
            lambda junk: junk[0] + known + junk[1])),  # a known value inside junk
    )
    return values.filter(lambda value: is_unknown(param, value))


def any_case(value: str) -> st.SearchStrategy[str]:
    return st.tuples(st.lists(st.booleans(), min_size=len(value), max_size=len(value)),
                     st.sampled_from(["", " ", "\t", "\n"]), st.sampled_from(["", " ", "  "])).map(
        lambda parts: parts[1] + "".join(c.upper() if up else c.lower() for c, up in zip(value, parts[0])) + parts[2])


def known_value(param: str) -> st.SearchStrategy[str]:
    if param == "sentence":  # a number; whether the article has that sentence is the caller's to judge
        return st.integers(1, 80).map(str).flatmap(any_case)
    if param == "q":
        return st.text(st.characters(codec="utf-8"), min_size=1, max_size=MAX_QUERY).filter(lambda q: q.strip())
    return st.sampled_from(KNOWN[param]).flatmap(any_case)


def canonical(param: str, value: str) -> str:
    value = value.strip()
    if param in ("q", "sentence"):
        return value
    return next(known for known in KNOWN[param] if known.casefold() == value.casefold())


def assert_default_view(at, lang: str = "en") -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.subheader, [s.value for s in at.subheader]  # no panel heading: nothing selected
    assert t(lang, "intro") in texts(at)


def assert_rejected(at, rejected: list[str]) -> None:
    warnings = [w.value for w in at.warning]
    assert len(warnings) == len(rejected), warnings
    for param in rejected:
        # short as shown (the value is cut at 60 characters; the markdown holds them as entities)
        assert any(f"{param}=" in warning and len(html.unescape(warning)) < 250 for warning in warnings), warnings


@settings(max_examples=40, **SETTINGS)
@given(st.sampled_from(PARAMS).flatmap(lambda param: st.tuples(st.just(param), unknown_value(param))))
def test_an_unknown_value_names_its_parameter_and_shows_the_default_view(case):
    param, value = case
    at = run_app({param: value})
    assert_rejected(at, [param])
    assert_default_view(at)
    assert params(at) == {}  # the bad value leaves the address bar


@settings(max_examples=40, **SETTINGS)
@given(st.sampled_from(STANDALONE).flatmap(lambda param: st.tuples(st.just(param), known_value(param))))
def test_a_known_value_in_any_case_opens_its_view(case):
    param, value = case
    at = run_app({param: value})
    assert not at.warning, [w.value for w in at.warning]
    value = canonical(param, value)
    lang = value if param == "lang" else "en"
    assert at.title[0].value == t(lang, "app_title")
    headings = [s.value for s in at.subheader]
    if param == "country":
        assert headings[0] == INDEX.gazetteer.countries[value].name("en")
    elif param == "place":
        assert headings[0].removeprefix("★ ") == INDEX.gazetteer.places[value].name("en")
    elif param == "theme":
        assert headings[0] == INDEX.themes[value].label("en")
    elif param == "article":
        assert headings[0] == inert(INDEX.corpus.articles[value].title, html=False)
    elif param == "person":
        from present.selection import person_name
        assert headings[0] == inert(person_name(INDEX, value, "en"))
    elif param == "q":
        assert headings[0] == t("en", "search_results", q=inert(value, html=False))
    else:  # lang, until: the default view in that language, as of that year
        assert_default_view(at, lang)
    expected = {} if (param, value) == ("lang", "en") else {param: value}
    assert params(at) == expected  # the address bar holds the canonical form


def link_value(param: str) -> st.SearchStrategy[tuple[str, bool]]:
    """A value for `param`, and whether the app should refuse it."""
    return st.one_of(known_value(param).map(lambda v: (v, False)), unknown_value(param).map(lambda v: (v, True)))


combinations = st.dictionaries(st.sampled_from(PARAMS), st.none(), min_size=2, max_size=len(PARAMS)).flatmap(
    lambda chosen: st.fixed_dictionaries({param: link_value(param) for param in chosen}))
# an article with one of its sentences, often: otherwise a valid `sentence` would hardly ever be drawn
combinations = st.one_of(combinations, st.tuples(combinations, known_value("article"), known_value("sentence")).map(
    lambda parts: {**parts[0], "article": (parts[1], False), "sentence": (parts[2], False)}))
noise = st.dictionaries(st.sampled_from(["Country", "PLACE", "utm_source", "x", "lang "]), any_text, max_size=2)


def has_sentence(link: dict[str, tuple[str, bool]]) -> bool:
    """A sentence number is shown only with a valid article that has that many sentences."""
    if "article" not in link or link["article"][1] or link["sentence"][1]:
        return False
    return INDEX.article_sentence(canonical("article", link["article"][0]), int(link["sentence"][0])) is not None


@settings(max_examples=40, **SETTINGS)
@given(combinations, noise)
def test_any_combination_names_each_bad_parameter_or_opens_the_view(link, extra):
    at = run_app({**extra, **{param: value for param, (value, _) in link.items()}})
    assert not at.exception, [e.value for e in at.exception]
    rejected = [param for param, (_, bad) in link.items() if bad or (param == "sentence" and not has_sentence(link))]
    assert_rejected(at, rejected)  # other parameter names are ignored, silently
    lang = canonical("lang", link["lang"][0]) if "lang" in link and not link["lang"][1] else "en"
    if rejected:
        assert_default_view(at, lang)
        assert {k: v for k, v in params(at).items() if k in PARAMS} == ({"lang": lang} if lang != "en" else {})
    else:
        view, problems = view_from_params({param: [value] for param, (value, _) in link.items()}, INDEX)
        assert not problems and {k: v for k, v in params(at).items() if k in PARAMS} == view.as_params()


@settings(max_examples=20, **SETTINGS)
@given(st.sampled_from(PARAMS).flatmap(lambda param: st.tuples(
    st.just(param), st.lists(link_value(param).map(lambda pair: pair[0]), min_size=2, max_size=4))))
def test_a_repeated_parameter_counts_as_its_first_value(case):
    param, values = case
    repeated, first = run_app({param: values}), run_app({param: values[0]})
    assert [w.value for w in repeated.warning] == [w.value for w in first.warning]
    assert [s.value for s in repeated.subheader] == [s.value for s in first.subheader]
    assert params(repeated) == params(first)  # one value left in the address bar, or none


@settings(max_examples=200, **SETTINGS)
@given(st.dictionaries(st.sampled_from(PARAMS), st.lists(st.one_of(any_text, overlong), min_size=1, max_size=3)))
def test_the_link_parser_never_raises_and_reads_repeats_as_their_first_value(link):
    view, rejected = view_from_params(link, INDEX)
    assert (view, rejected) == view_from_params({param: values[:1] for param, values in link.items()}, INDEX)
    assert all(len(r.value) <= 60 for r in rejected)  # the echo in the message stays short
    if rejected:
        assert view.as_params().keys() <= {"lang"}
