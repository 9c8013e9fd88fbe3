"""China–Central Asia Summit Atlas: the map, and the side panel for what is selected on it."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from geo.countries import GeoDataError, country_at
from ui.atlas import (PAGES, basemap, controls, date_control, embedded, page_links, page_sidebar, page_start,
                      theme_legend)
from ui.data import atlas_base_map, atlas_selection, country_shapes
from ui.export import render_downloads
from ui.panel import go_to, render_panel
from ui.share import share_box
from present.strings import t

MAP_KEY = "atlas_map"
# Clicks only: panning and zooming must not rerun the script.
CLICKS = ["last_object_clicked", "last_object_clicked_count"]

index, view = page_start()
# What stands above the map is drawn after it: the browser draws elements in the order they are
# sent, and the map is what a reader waits for (page open → map, BENCHMARKS.md).
above_map = st.container()


def apply_click() -> None:
    """Select what a new map click landed on: a marker (reported at its own position) or a country.
    Called once per click, by st_folium's on_change before the rerun it causes: the rerun then
    draws the new selection (no second rerun, and no memory of clicks already seen)."""
    value = st.session_state.get(MAP_KEY) or {}
    clicked = value.get("last_object_clicked")
    if not clicked or not value.get("last_object_clicked_count"):
        return  # the map was (re)mounted: no click yet
    lat, lng = clicked.get("lat"), clicked.get("lng")
    place = index.gazetteer.place_at(lat, lng)
    iso3 = None if place else country_at(country_shapes().countries, lat, lng)
    if place:
        go_to(view.selecting_place(place.slug))
    elif iso3:
        go_to(view.selecting_country(iso3))


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
    st_folium(base, key=MAP_KEY, height=560, use_container_width=True, returned_objects=CLICKS, render=False,
              feature_group_to_add=highlight, on_change=apply_click)

with above_map:
    if not embedded():  # in an iframe, the map and panel only: other pages are a click on "open the whole atlas"
        st.caption(t(view.lang, "tagline"))
        links = [*PAGES[1:4], ("pages/about.py", "about_link", ":material/info:")]  # About with a longer label here
        page_links(view, links, [st.container(horizontal=True, gap="small")] * len(links))
    controls(view, index)

with map_column:
    date_control(view)
    with st.container(key="legend-beside-panel"):  # wide screens: under the map
        theme_legend(index, view.lang)

with panel_column:
    share_box(view)
    render_panel(view, index)
    render_downloads(view, index)
with st.container(key="legend-after-panel"):  # phones: the panel comes first, right under the map
    theme_legend(index, view.lang)
page_sidebar(view)
