"""Article text made safe to show: the one place where it is escaped for Markdown and HTML.

Article text is data: every piece of it goes through `inert()` (for st.markdown) or
`html.escape` (for st.html tables) before it reaches the page, so HTML, Markdown links,
`javascript:` URLs, math and emoji codes all show as typed.
"""

from __future__ import annotations

import re

from corpus.articles import Article
from present.strings import DEFAULT_LANGUAGE, STRINGS, format_date, source_label, t

# Characters that Markdown, HTML, LaTeX ($) or emoji shortcodes (:) could give a meaning to.
_ACTIVE = re.compile(r"[\\`*_{}\[\]()#+\-.!|~$:<>&\"'=^@%]")
CITATION_OPACITY = 0.75  # the citation under an excerpt, faded: 6:1 on white (WCAG AA wants 4.5)
LINKED_STYLE = "background:#fdf0c4;box-shadow:0 0 0 2px #e0a800;border-radius:2px"
# A visible badge, and its full name for screen readers (who would read "FR" as a word).
_HIDDEN = "position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap"


def inert(text: str) -> str:
    """Text shown as typed inside st.markdown: active characters become numeric entities."""
    return _ACTIVE.sub(lambda m: f"&#{ord(m.group(0))};", re.sub(r"\s", " ", text))


def highlighted(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """`text` made inert, with each span wrapped in <mark>."""
    return _marked(text, spans).strip()


def _marked(text: str, spans) -> str:
    parts, last = [], 0
    for start, end in spans:
        parts.append(inert(text[last:start]))
        parts.append(f"<mark>{inert(text[start:end])}</mark>")
        last = end
    parts.append(inert(text[last:]))
    return "".join(parts)


def highlighted_around(text: str, spans, start: int, end: int) -> str:
    """Like `highlighted`, with text[start:end] (the linked sentence) framed as well."""
    def within(a: int, b: int) -> list[tuple[int, int]]:
        return [(max(s, a) - a, min(e, b) - a) for s, e in spans if s < b and e > a]

    return (_marked(text[:start], within(0, start))
            + f'<span id="atlas-linked-sentence" style="{LINKED_STYLE}">'
            + _marked(text[start:end], within(start, end)) + "</span>"
            + _marked(text[end:], within(end, len(text)))).strip()


def in_language(html: str, language: str) -> str:
    """Article text marked with its own language, so screen readers pronounce it as such."""
    return f'<span lang="{inert(language)}">{html}</span>'


def language_name(language: str, lang: str) -> str:
    """ "French" (or "français") for `fr`, in the reader's language; an unknown code as it is."""
    return t(lang, f"lang_{language}") if f"lang_{language}" in STRINGS[DEFAULT_LANGUAGE] else language


def language_badge(language: str, lang: str) -> str:
    """ "FR" beside an excerpt in French, titled "French" (or "français") in the reader's language."""
    name = language_name(language, lang)
    return (f'<span class="atlas-lang" title="{inert(name)}" style="display:inline-block;padding:0 4px;'
            f'border:1px solid currentColor;border-radius:3px;font-size:.75em;font-weight:600;'
            f'line-height:1.3;vertical-align:.1em"><span aria-hidden="true">{inert(language.upper())}</span>'
            f'<span style="{_HIDDEN}">{inert(t(lang, "excerpt_in", language=name))}</span></span>')


def citation(article: Article, lang: str) -> str:
    """ "**Title** · Source · 19 June 2025", inert, the title marked with its language."""
    return (f"**{in_language(inert(article.title), article.language)}** · {inert(source_label(article, lang))} · "
            f"{inert(format_date(article.published, lang))}")


def excerpt_markup(text: str, highlights, article: Article, lang: str) -> str:
    """An excerpt as the panel shows it: its language badge, its text marked, its citation under it."""
    return (f"{language_badge(article.language, lang)} "
            f"{in_language(highlighted(text, highlights), article.language)}<br>"
            f'<small style="opacity:{CITATION_OPACITY}">{citation(article, lang)}</small>')
