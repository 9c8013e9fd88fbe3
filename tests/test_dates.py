"""Dates as journalists write them (issue 12): abbreviated months, every agency's dateline (filed,
not an event), month-only, relative and spelled-out dates worked out from the article's date."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.chronology import corpus_events
from tests.conftest import article_text, index_of


def events_of(tmp_path: Path, body: str, language: str = "en", published: str = "2025-06-20"):
    (tmp_path / "a.md").write_text(article_text("T", body, language, published), encoding="utf-8")
    return [(e.date, e.status) for e in corpus_events(index_of(tmp_path)) if e.article and e.article.id == "a"]


@pytest.mark.parametrize("body, language, expected", [
    ("The forum opened on Nov. 5, 2024 in Almaty.", "en", ("2024-11-05", "stated")),
    ("Le forum s’est ouvert le 8 sept. 2025 à Almaty.", "fr", ("2025-09-08", "stated")),
    ("Les accords signés le 2 févr 2025 entrent en vigueur.", "fr", ("2025-02-02", "stated")),
    ("Talks resumed on Sept 9 in Beijing.", "en", ("2025-09-09", "inferred")),
])
def test_abbreviated_months(tmp_path, body, language, expected):
    assert expected in events_of(tmp_path, body, language)


@pytest.mark.parametrize("dateline", [
    "URUMQI, March 12 (Xinhua) -- A freight train left the port.",
    "BICHKEK, 4 avr 2025 (AFP) - Le Kirghizistan a signé un accord.",
    "HOTAN (Chine), 14 juin 2024 (AFP) - Des arbustes retiennent les dunes.",
    "TURKMENBASHI, Turkmenistan, May 14 (Reuters) - A terminal opened.",
    "DOUCHANBÉ, 11 oct. (Xinhua) -- Des experts sont arrivés.",
    "БИШКЕК, 14 октября 2025 года (Кабар) — Кыргызстан и Китай подписали соглашение.",
    "БИШКЕК, 18 июня. /ТАСС/. Строительство железной дороги идет по графику.",
])
def test_a_datelines_date_is_not_an_event(tmp_path, dateline):
    language = "ru" if dateline[0] == "Б" else (
        "fr" if " - Le" in dateline or "(Chine)" in dateline or "Des" in dateline else "en")
    assert events_of(tmp_path, dateline, language) == []


@pytest.mark.parametrize("body, language, published, expected", [
    ("Il y a dix ans, le gazoduc a été mis en service.", "fr", "2025-06-20", "2015"),
    ("Ten years ago the line opened.", "en", "2025-06-20", "2015"),
    ("Les échanges ont doublé l’an dernier.", "fr", "2025-06-20", "2024"),
    ("Trade doubled last year.", "en", "2025-06-20", "2024"),
    ("Un festival se tiendra l’an prochain.", "fr", "2025-06-20", "2026"),
    ("The line opened in March.", "en", "2025-06-20", "2025-03"),
    ("La ligne a ouvert en octobre dernier.", "fr", "2025-06-20", "2024-10"),
    ("The minister visited Astana last Tuesday.", "en", "2025-06-20", "2025-06-17"),
    ("Le ministre a annoncé vendredi un accord.", "fr", "2025-06-20", "2025-06-20"),
    ("The agreement was signed yesterday.", "en", "2025-06-20", "2025-06-19"),
    ("Dans les années 1990, la frontière était fermée.", "fr", "2025-06-20", "1990"),
])
def test_relative_and_spelled_out_dates_are_worked_out_and_marked(tmp_path, body, language, published, expected):
    assert (expected, "inferred") in events_of(tmp_path, body, language, published)


def test_may_the_verb_and_seven_the_number_are_not_dates(tmp_path):
    assert events_of(tmp_path, "Les sept pays may agree.", "en") == []
