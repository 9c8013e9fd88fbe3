"""Text helpers: accent/case/apostrophe folding that keeps offsets, words, sentence splitting."""

from __future__ import annotations

import csv
import functools
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pysbd
import yaml

_SPECIAL = {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-", "—": "-",
            "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "\u00a0": " ", "\u202f": " "}


@dataclass(frozen=True)
class Folded:
    """`text` lower-cased without accents; `origin[i]` is the index in the original of text[i]."""

    text: str
    origin: tuple[int, ...]

    def span_in_original(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end - 1] + 1


@functools.lru_cache(maxsize=None)
def _folded_char(char: str) -> str:
    replacement = _SPECIAL.get(char)
    if replacement is None:
        decomposed = unicodedata.normalize("NFD", char)
        replacement = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return replacement


def fold(text: str) -> Folded:
    if text.isascii():  # most of a corpus: one character for one (the backtick is the one special)
        return Folded(text.lower().replace("`", "'"), tuple(range(len(text))))
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        replacement = _folded_char(char)
        if len(replacement) == 1:
            out.append(replacement)
            origin.append(index)
            continue
        for piece in replacement:
            out.append(piece)
            origin.append(index)
    return Folded("".join(out), tuple(origin))


_PLAIN = str.maketrans({k: v for k, v in _SPECIAL.items()})


@functools.lru_cache(maxsize=100_000)
def fold_plain(text: str) -> str:
    """fold(text).text, without the offsets: for matching whole sentences (about 20 times faster)."""
    decomposed = unicodedata.normalize("NFD", text.translate(_PLAIN))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


_WORD = re.compile(r"\w+")
# Chinese characters: written without spaces between words, so cut into words by jieba (its
# dictionary ships in the wheel), and indexed for search one character at a time.
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


DATA_DIR = Path(__file__).parent / "data"


def atlas_chinese_words() -> list[str]:
    """The Chinese names and theme terms the atlas looks for (names_ru_zh.csv, themes_ru_zh.yaml):
    added to jieba's dictionary, so that 兰州大学 is cut 兰州 | 大学 and 中吉乌铁路 中吉乌 | 铁路."""
    found: list[str] = []
    names = DATA_DIR / "names_ru_zh.csv"
    if names.exists():
        with open(names, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                found += [w for column in ("aliases_zh", "adjectives_zh") for w in (row.get(column) or "").split("|")]
    terms = DATA_DIR / "themes_ru_zh.yaml"
    if terms.exists():
        found += [str(term) for entry in (yaml.safe_load(terms.read_text(encoding="utf-8")) or {}).values()
                  for term in (entry or {}).get("zh", ())]
    return [w for w in dict.fromkeys(found) if CJK.search(w) and " " not in w]


# Two-character words that name China at the head of a compound (each also a country adjective in
# names_ru_zh.csv); not 土方 (土方工程 is earthwork) nor 华商 (华商报 is a newspaper)
CHINA_PREFIXES = frozenset({"中资", "驻华", "对华", "访华", "来华", "赴华", "在华", "中国"})  # 中国科学院: 中国 | 科学院


@functools.cache
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    atlas = atlas_chinese_words()
    for word in atlas:
        jieba.add_word(word, freq=max(jieba.get_FREQ(word) or 0, 10_000_000))
    # jieba's own compounds that swallow a word naming China: 驻华大使 (ambassador to China), 中资企业
    # (Chinese-funded firm), 对华政策: cut as 驻华 | 大使 so that the country is seen
    compounds = [w for w, f in jieba.dt.FREQ.items() if f and len(w) > 2 and w[:2] in CHINA_PREFIXES]
    for word in compounds:
        jieba.del_word(word)
    return jieba


@functools.lru_cache(maxsize=50_000)
def _chinese_words(run: str) -> tuple[tuple[int, int], ...]:
    return tuple((start, end) for _, start, end in _jieba().tokenize(run) if run[start:end].strip())


def words(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word: letters and digits; apostrophes and hyphens separate words
    (d’Astana → d, Astana; Nour-Soultan → Nour, Soultan); a run of Chinese is cut into its words
    (哈萨克斯坦首都 → 哈萨克斯坦, 首都)."""
    if not CJK.search(text):  # the common case, at the old cost
        return [m.span() for m in _WORD.finditer(text)]
    spans = []
    for match in _WORD.finditer(text):
        if CJK.search(match.group()):
            spans += [(match.start() + s, match.start() + e) for s, e in _chinese_words(match.group())]
        else:
            spans.append(match.span())
    return spans


_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _characters_and_pairs(run: str) -> str:
    return " ".join([*run, *(run[i:i + 2] for i in range(len(run) - 1))])


def searchable(folded: str) -> str:
    """What the full-text index holds of a folded sentence: the words as they are, and each run of
    Chinese characters (which SQLite FTS5 cannot cut into words) as its characters and the pairs of
    neighbouring characters, so that a Chinese query is every pair of its characters, in any order
    of the index's rows: no phrase query, which the index (detail = none) does not keep."""
    return _CJK_RUN.sub(lambda m: f" {_characters_and_pairs(m.group())} ", folded) if CJK.search(folded) else folded


def search_terms(word: str) -> list[str]:
    """A folded query word as the index holds it: 阿斯塔纳 → 阿斯, 斯塔, 塔纳 (all must be there); 中 → 中."""
    terms = []
    for piece in _CJK_RUN.split(word):
        terms += [piece] if piece else []
    for run in _CJK_RUN.findall(word):
        terms += [run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)]
    return terms


@functools.lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """fold(word).text, remembered: a corpus repeats its words."""
    return fold(word).text


# Sentences: pysbd (rule-based, knows French, English and Russian abbreviations, decimals such as
# 94,8, ordinals such as 30ᵉ, initials and quotes, and Chinese 。！？). One segmenter per language and thread (a
# segmenter keeps the text it is working on), built once.
_SEGMENTERS = threading.local()
# A paragraph with no . ! ? … followed by a space has one sentence: no need to ask pysbd.
_MAYBE_END = re.compile(r"[.!?…][\s»”\"')\]]*\s|[。！？]")


def _segmenter(language: str) -> pysbd.Segmenter:
    language = language if language in ("fr", "en", "ru", "zh") else "en"
    segmenters = _SEGMENTERS.__dict__
    if language not in segmenters:
        segmenters[language] = pysbd.Segmenter(language=language, clean=False)
    return segmenters[language]


# Abbreviations pysbd's French rules miss ("av. J.-C.", "p. 12"): a piece ending with one goes on.
_ABBREVIATIONS = {"av", "apr", "p", "pp", "cf", "vol", "art", "chap", "env", "no", "n°", "fig", "éd", "ed",
                  # abbreviated months in datelines and dates: "11 oct. (Xinhua)", "8 sept. 2025", "Nov. 5"
                  "janv", "jan", "févr", "fevr", "fév", "feb", "mar", "avr", "juil", "jul", "jun", "aug", "sept",
                  "sep", "oct", "nov", "déc", "dec"}


def _ends_with_abbreviation(piece: str) -> bool:
    words = piece.split()
    return piece.endswith(".") and bool(words) and words[-1][:-1].lower() in _ABBREVIATIONS


# Where a sentence surely ends: a word of four or more lower-case letters, then . ! ? or …, maybe a
# closing quote, a space and a capital. Text between such ends goes to pysbd only if it still holds
# a possible end ("M. Xi", "94,8", "J.-C."): pysbd costs about 0.1 ms a call plus 1.4 µs a character.
_SURE_END = re.compile(r"(?<=[a-zà-öø-ÿ]{4}[.!?…])(?:\s?[»”\"')\]])*\s+(?=[«“\"(\[]?\s*[A-ZÀ-ÖØ-Þ])")


def _pieces(paragraph: str, language: str) -> list[str]:
    pieces, start = [], 0
    ends = [m.end() for m in _SURE_END.finditer(paragraph)] + [len(paragraph)]
    for end in ends:
        chunk = paragraph[start:end]
        if _MAYBE_END.search(chunk.rstrip()):
            pieces += _segmenter(language).segment(chunk)
        else:
            pieces.append(chunk)
        start = end
    return pieces


def split_sentences(paragraph: str, language: str = "fr") -> list[tuple[int, int]]:
    """(start, end) of each sentence in the paragraph, trimmed of surrounding spaces."""
    if not paragraph.strip():
        return []
    spans: list[list[int]] = []
    cursor = 0
    for piece in _pieces(paragraph, language):
        core = piece.strip()
        if not core:
            continue
        found = paragraph.find(core, cursor)
        if found < 0:  # pysbd never rewrites text with clean=False; keep the rest whole if it ever does
            break
        start, end = found, found + len(core)
        # A piece that does not open a sentence ("/ VCG", "et al.", a lone closing quote) joins the previous one.
        if spans and (not (core[0].isupper() or core[0].isdigit() or core[0] in "«“\"'([「『“" or CJK.match(core))
                      or _ends_with_abbreviation(paragraph[spans[-1][0]:spans[-1][1]])):
            spans[-1][1] = end
        else:
            spans.append([start, end])
        cursor = end
    if cursor < len(paragraph.rstrip()):
        rest = paragraph[cursor:]
        if rest.strip():
            offset = cursor + len(rest) - len(rest.lstrip())
            spans.append([offset, len(paragraph.rstrip())])
    return [(s, e) for s, e in spans]


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
