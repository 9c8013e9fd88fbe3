"""China–Central Asia Summit Atlas: the map, and the side panel for what is selected on it."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from geo.atlas_map import selection_layer
from geo.countries import GeoDataError, country_at
from ui.atlas import controls, page_start, show_skipped_files
from ui.data import atlas_base_map, country_shapes, marker_spec, tiles_setting
from ui.panel import go_to, render_panel
from ui.strings import t

MAP_KEY = "atlas_map"
# Clicks only: panning and zooming must not rerun the script.
CLICKS = ["last_object_clicked", "last_object_clicked_count"]

st.set_page_config(page_title="China–Central Asia Summit Atlas", page_icon="🗺️", layout="wide",
                   initial_sidebar_state="collapsed")
index, view = page_start()
st.caption(t(view.lang, "tagline"))
st.page_link("pages/about.py", label=t(view.lang, "about_link"), icon="ℹ️", query_params=view.as_params())
show_skipped_files(index, view.lang)
controls(view, index)


def apply_click(value: dict | None) -> bool:
    """Select what a new map click landed on: a marker (reported at its own position) or a country."""
    clicked = (value or {}).get("last_object_clicked")
    count = (value or {}).get("last_object_clicked_count")
    if not clicked or not count:
        return False
    click = (view.lang, count, clicked.get("lat"), clicked.get("lng"))
    if st.session_state.get("seen_click") == click:
        return False
    st.session_state["seen_click"] = click
    place = index.gazetteer.place_at(click[2], click[3])
    iso3 = None if place else country_at(country_shapes().countries, click[2], click[3])
    if place:
        go_to(view.selecting_place(place.slug))
    elif iso3:
        go_to(view.selecting_country(iso3))
    return bool(place or iso3)


map_column, panel_column = st.columns([3, 2], gap="medium")
with map_column:
    try:
        shapes = country_shapes()
        base = atlas_base_map(index, view.lang, tiles_setting())
    except GeoDataError as error:
        st.error(t(view.lang, "geo_error", error=error))
        st.stop()
    selected = index.gazetteer.places.get(view.place or "")
    theme_countries, theme_places = index.named_with("theme", view.theme) if view.theme else (set(), set())
    highlight = selection_layer(
        shapes, country=view.country, marker=marker_spec(selected, index, view.lang) if selected else None,
        theme_countries=tuple(sorted(theme_countries)),
        theme_markers=tuple(marker_spec(index.gazetteer.places[slug], index, view.lang) for slug in sorted(theme_places)),
    )
    value = st_folium(base, key=MAP_KEY, height=560, use_container_width=True, returned_objects=CLICKS,
                      feature_group_to_add=highlight, on_change=lambda: apply_click(st.session_state.get(MAP_KEY)))
    if apply_click(value):
        st.rerun()

with panel_column:
    render_panel(view, index)
