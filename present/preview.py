"""What a shared link unfurls as: the view's title, description, canonical address and picture,
written into the page's HTML head (a link unfurler runs no JavaScript, so Streamlit's own
`<title>Streamlit</title>` is all it would otherwise see). Plain Python: the server (web/)
serves it, the tests read it without one."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from html import escape
from pathlib import Path
from urllib.parse import urlencode

from corpus.excerpts import CorpusIndex
from geo.picture import HEIGHT, WIDTH, PictureSpec
from present.links import view_link
from present.markup import visible_controls
from present.selection import selection_excerpts, selection_name
from present.strings import DEFAULT_LANGUAGE, LOCALES, STRINGS, summit_label, t
from present.view import View

DESCRIPTION_MAX = 300  # characters; unfurlers cut longer descriptions themselves, mid-word
PICTURE_PATH = "/preview.png"
PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"


def page_titles() -> dict[str, str | None]:
    """Each page's path and the key of its title (the map's is the atlas's own): the map, then one
    per file in pages/, as Streamlit names them (a page added later gets its previews too)."""
    titles: dict[str, str | None] = {"/": None}
    for path in sorted(PAGES_DIR.glob("*.py")):
        titles[f"/{path.stem}"] = f"{path.stem}_title" if f"{path.stem}_title" in STRINGS[DEFAULT_LANGUAGE] else None
    return titles


PAGE_TITLES = page_titles()


@dataclass(frozen=True)
class Preview:
    """A view's head tags, as plain text (escaped when written)."""
    lang: str
    title: str
    description: str
    canonical: str  # the view's absolute address
    picture: str  # absolute address of its PNG
    picture_alt: str
    site: str


def _short(text: str, most: int = DESCRIPTION_MAX) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= most else text[:most - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def view_title(view: View, index: CorpusIndex, page: str = "/") -> str:
    """ "Astana — China–Central Asia Summit Atlas"; "Timeline · Astana — …" on another page."""
    app = t(view.lang, "app_title")
    if view.article:
        name = index.corpus.articles[view.article].title
    elif view.selects or view.until is not None:
        name = selection_name(view, index).removeprefix("★ ")
    else:
        name = None
    page_key = PAGE_TITLES.get(page)
    words = [t(view.lang, page_key)] if page_key else []
    if name:
        words.append(name)
    return f"{' · '.join(words)} — {app}" if words else app


def view_description(view: View, index: CorpusIndex) -> str:
    """What the view holds, in one or two sentences: "6 excerpts from 2 articles: Second
    China–Central Asia Summit, 17 June 2025 …". Plain text, article words included."""
    lang, gazetteer = view.lang, index.gazetteer
    if view.article:
        article = index.corpus.articles[view.article]
        sentence = index.article_sentence(article.id, view.sentence) if view.sentence else None
        text = sentence.text if sentence else (article.paragraphs[0] if article.paragraphs else "")
        return _short(f"{t(lang, 'preview_article')} · {article.published}: {text}")
    if not view.selects:
        return _short(t(lang, "preview_overview", n=len(index.corpus.articles)))
    excerpts = selection_excerpts(view, index) or []
    articles = len({excerpt.article.id for excerpt in excerpts})
    count = t(lang, "preview_count", n=len(excerpts), articles=articles) if excerpts else t(lang, "preview_nothing")
    details = [selection_name(view, index).removeprefix("★ ")]
    if view.place:
        place = gazetteer.places[view.place]
        country = gazetteer.countries[place.country].name(lang)
        if place.summit:
            details.append(f"{summit_label(place.summit, lang)}. {place.summit.facts(lang)}")
        else:
            details.append(t(lang, "capital_of" if place.capital else "city_in", country=country))
    elif view.country:
        capital = gazetteer.places[gazetteer.countries[view.country].capital]
        details.append(t(lang, "field", label=t(lang, "capital"), value=capital.name(lang)))
    text = " · ".join(details)
    return _short(t(lang, "field", label=count, value=text if text.endswith((".", "…")) else text + "."))


def picture_spec(view: View, index: CorpusIndex) -> PictureSpec:
    """What the view's picture shows: its selection, its theme's countries tinted."""
    lang, gazetteer = view.lang, index.gazetteer
    theme = index.themes.get(view.theme or "")
    tinted = tuple(sorted(index.theme_ties(theme.slug, view.until).countries)) if theme else ()
    place = gazetteer.places.get(view.place or "")
    points = tuple((p.lat, p.lon, "summit" if p.summit else "capital")
                   for p in gazetteer.places.values() if p.summit or p.capital)
    name = selection_name(replace(view, article=None), index).removeprefix("★ ")
    return PictureSpec(
        caption=name, credit=t(lang, "app_title"),
        country_names={iso3: c.name(lang) for iso3, c in gazetteer.countries.items()},
        selected_country=view.country, tint=theme.color if theme else None, tinted=tinted, points=points,
        ring=(place.lat, place.lon) if place else None)


def picture_view(view: View) -> View:
    """The part of a view its picture depends on (an open article does not change the map)."""
    return replace(view, article=None)


def view_preview(view: View, index: CorpusIndex, origin: str, page: str = "/") -> Preview:
    """The head tags of `page` for `view`; `origin` is the server's scheme and host."""
    query = urlencode(picture_view(view).as_params())
    name = selection_name(picture_view(view), index).removeprefix("★ ")
    return Preview(
        lang=view.lang, title=view_title(view, index, page), description=view_description(view, index),
        canonical=view_link(view, origin + page), picture=f"{origin}{PICTURE_PATH}" + (f"?{query}" if query else ""),
        picture_alt=t(view.lang, "preview_picture", name=name), site=t(view.lang, "app_title"))


def plain_preview(lang: str, origin: str, page: str = "/") -> Preview:
    """The atlas's own tags, for when the view cannot be worked out yet (the articles are being
    read): its name and what it is, no picture."""
    return Preview(lang=lang, title=t(lang, "app_title"), description=t(lang, "tagline"), canonical=origin + page,
                   picture="", picture_alt="", site=t(lang, "app_title"))


def head_tags(preview: Preview) -> str:
    """The `<title>` and the description, canonical, Open Graph and Twitter card tags, escaped,
    their direction controls shown as on the page (an unfurled title holding U+202E would show
    reversed, or as another name)."""
    def meta(attribute: str, name: str, content: str) -> str:
        return f'<meta {attribute}="{name}" content="{escape(visible_controls(content))}" />'

    tags = [f"<title>{escape(visible_controls(preview.title))}</title>",
            meta("name", "description", preview.description),
            f'<link rel="canonical" href="{escape(preview.canonical)}" />',
            meta("property", "og:type", "website"),
            meta("property", "og:site_name", preview.site),
            meta("property", "og:locale", LOCALES.get(preview.lang, "en_GB")),
            meta("property", "og:title", preview.title),
            meta("property", "og:description", preview.description),
            meta("property", "og:url", preview.canonical),
            meta("name", "twitter:card", "summary_large_image" if preview.picture else "summary"),
            meta("name", "twitter:title", preview.title),
            meta("name", "twitter:description", preview.description)]
    if preview.picture:
        tags += [meta("property", "og:image", preview.picture),
                 meta("property", "og:image:type", "image/png"),
                 meta("property", "og:image:width", str(WIDTH)),
                 meta("property", "og:image:height", str(HEIGHT)),
                 meta("property", "og:image:alt", preview.picture_alt),
                 meta("name", "twitter:image", preview.picture),
                 meta("name", "twitter:image:alt", preview.picture_alt)]
    return "\n    ".join(tags)


_HTML_LANG = re.compile(r'<html lang="[^"]*">')
_TITLE = re.compile(r"<title>[^<]*</title>")


class PageTemplateError(RuntimeError):
    """Streamlit's index.html no longer has the tags the preview replaces."""


def page_html(template: str, preview: Preview) -> str:
    """Streamlit's `index.html` with the view's language and head tags."""
    if not _HTML_LANG.search(template) or not _TITLE.search(template):
        raise PageTemplateError("Streamlit's index.html has no <html lang> or <title> to replace")
    html = _HTML_LANG.sub(f'<html lang="{escape(preview.lang)}">', template, count=1)
    return _TITLE.sub(lambda _: head_tags(preview), html, count=1)
