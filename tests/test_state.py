"""Link parameters → view: every parameter of PRODUCT.md, any case, and bad values never raise."""

from __future__ import annotations

import pytest

from present.view import MAX_QUERY, View, view_from_params


def test_each_parameter_is_read(seed_index):
    view, rejected = view_from_params(
        {"country": ["kaz"], "theme": ["Trade"], "q": ["commerce"], "lang": ["FR"],
         "article": ["002_a5791866ed85a95e"]}, seed_index)
    assert rejected == []
    assert view == View(country="KAZ", theme="trade", q="commerce", lang="fr", article="002_a5791866ed85a95e")


def test_place_wins_over_country_and_a_repeated_parameter_takes_its_first_value(seed_index):
    view, _ = view_from_params({"place": ["Astana", "xian"], "country": ["CHN"]}, seed_index)
    assert (view.place, view.country) == ("astana", None)


@pytest.mark.parametrize("param, value", [
    ("country", "RUS"), ("country", "<script>"), ("place", "atlantis"), ("theme", "space"),
    ("article", "../../etc/passwd"), ("lang", "de"), ("q", "x" * (MAX_QUERY + 1)),
])
def test_unknown_values_fall_back_to_the_default_view_and_say_so(seed_index, param, value):
    view, rejected = view_from_params({param: [value], "lang": ["fr"] if param != "lang" else [value]}, seed_index)
    assert [r.param for r in rejected] == [param]
    assert view == View(lang="fr" if param != "lang" else "en")


def test_view_round_trips_through_its_parameters(seed_index):
    view = View(place="xian", theme="connectivity", q="gazoducs", lang="fr")
    again, rejected = view_from_params({k: [v] for k, v in view.as_params().items()}, seed_index)
    assert (again, rejected) == (view, [])
    assert View().as_params() == {}
