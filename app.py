"""China–Central Asia Summit Atlas: the map, and the side panel for what is selected on it."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from geo.countries import GeoDataError, country_at
from ui.atlas import PAGES, basemap, controls, date_control, embedded, page_links, page_start, theme_legend
from ui.data import atlas_base_map, atlas_selection, country_shapes
from ui.export import render_downloads
from ui.panel import go_to, render_panel
from ui.share import share_box
from present.strings import t

MAP_KEY = "atlas_map"
# Clicks only: panning and zooming must not rerun the script.
CLICKS = ["last_object_clicked", "last_object_clicked_count"]

index, view = page_start()
if not embedded():  # in an iframe, the map and panel only: other pages are a click on "open the whole atlas"
    st.caption(t(view.lang, "tagline"))
    above_map = [*PAGES[1:5], ("pages/about.py", "about_link", ":material/info:")]  # About with a longer label here
    page_links(view, above_map, [st.container(horizontal=True, gap="small")] * len(above_map))
controls(view, index)


def apply_click(value: dict | None) -> bool:
    """Select what a new map click landed on: a marker (reported at its own position) or a country."""
    clicked = (value or {}).get("last_object_clicked")
    count = (value or {}).get("last_object_clicked_count")
    if not clicked or not count:
        return False
    # The map is remounted (its click count restarts) when its language or date changes.
    click = (view.lang, view.until, count, clicked.get("lat"), clicked.get("lng"))
    if st.session_state.get("seen_click") == click:
        return False
    st.session_state["seen_click"] = click
    place = index.gazetteer.place_at(click[3], click[4])
    iso3 = None if place else country_at(country_shapes().countries, click[3], click[4])
    if place:
        go_to(view.selecting_place(place.slug))
    elif iso3:
        go_to(view.selecting_country(iso3))
    return bool(place or iso3)


map_column, panel_column = st.columns([3, 2], gap="medium")
with map_column:
    try:
        base = atlas_base_map(index, view.lang, basemap(view.lang), view.until)
        highlight = atlas_selection(index, view)
    except GeoDataError as error:
        st.error(t(view.lang, "geo_error", error=error))
        st.stop()
    # render=False: st_folium's extra whole-page render changes nothing for this map (no folium
    # icons; tests/test_geo.py checks it) and was a third of every rerun.
    value = st_folium(base, key=MAP_KEY, height=560, use_container_width=True, returned_objects=CLICKS, render=False,
                      feature_group_to_add=highlight, on_change=lambda: apply_click(st.session_state.get(MAP_KEY)))
    if apply_click(value):
        st.rerun()
    date_control(view)
    with st.container(key="legend-beside-panel"):  # wide screens: under the map
        theme_legend(index, view.lang)

with panel_column:
    share_box(view)
    render_panel(view, index)
    render_downloads(view, index)
with st.container(key="legend-after-panel"):  # phones: the panel comes first, right under the map
    theme_legend(index, view.lang)
