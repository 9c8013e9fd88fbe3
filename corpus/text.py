"""Text helpers: accent/case/apostrophe folding that keeps offsets, term patterns, sentence splitting."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlparse

_SPECIAL = {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-", "—": "-",
            "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "\u00a0": " ", "\u202f": " "}


@dataclass(frozen=True)
class Folded:
    """`text` lower-cased without accents; `origin[i]` is the index in the original of text[i]."""

    text: str
    origin: tuple[int, ...]

    def span_in_original(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end - 1] + 1


def fold(text: str) -> Folded:
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        replacement = _SPECIAL.get(char)
        if replacement is None:
            decomposed = unicodedata.normalize("NFD", char)
            replacement = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
        for piece in replacement:
            out.append(piece)
            origin.append(index)
    return Folded("".join(out), tuple(origin))


def term_pattern(term: str) -> str:
    """Regex (over folded text) for a lexicon term: whole words, `*` = any ending, flexible spaces."""
    prefix = term.endswith("*")
    words = fold(term.rstrip("*")).text.split()
    body = r"[\s\-]+".join(re.escape(word) for word in words)
    ending = r"\w*" if prefix else ""
    return rf"(?<!\w){body}{ending}(?!\w)"


# Sentence ends: . ! ? … (optionally closed by quotes/brackets) then space and a capital, digit or quote.
_BOUNDARY = re.compile(r"(?<=[.!?…])(?:\s?[»”\"')\]])*\s+(?=[«“\"(\[]?\s*[A-ZÀ-ÖØ-Þ0-9])")
_ABBREVIATIONS = {"m", "mm", "mme", "mmes", "mlle", "dr", "pr", "st", "ste", "etc", "cf", "p", "ex", "av", "apr",
                  "j.-c", "vol", "art", "mr", "mrs", "ms", "prof", "gen", "col", "vs", "inc", "ltd", "co"}


def split_sentences(paragraph: str, language: str = "fr") -> list[tuple[int, int]]:
    """(start, end) of each sentence in the paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    for boundary in _BOUNDARY.finditer(paragraph):
        before = paragraph[start:boundary.start()].rstrip(".!?… »”\"')]")
        last_word = before.split()[-1].lower() if before.split() else ""
        if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        spans.append((start, boundary.start() + len(boundary.group(0).rstrip())))
        start = boundary.end()
    if paragraph[start:].strip():
        spans.append((start, len(paragraph.rstrip())))
    return [(s, e) for s, e in spans if paragraph[s:e].strip()]


def merge_spans(spans) -> tuple[tuple[int, int], ...]:
    """Sorted, non-overlapping spans: overlapping or touching highlights become one."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


def safe_url(url: str | None) -> str | None:
    """Only http(s) links are ever made clickable."""
    if not url:
        return None
    parsed = urlparse(url.strip())
    return url.strip() if parsed.scheme in ("http", "https") and parsed.netloc else None
