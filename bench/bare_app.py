"""The baseline for bench_browser.py: Streamlit + st_folium drawing the same six countries and two
markers, from the same self-served Leaflet, and doing nothing else but echo the last click."""

from __future__ import annotations

import sys
from pathlib import Path

import folium
import streamlit as st
from streamlit_folium import st_folium

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from geo.assets import LIBRARIES, links  # noqa: E402
from geo.countries import COUNTRIES_FILE  # noqa: E402

bare = folium.Map(location=(42.5, 82.0), zoom_start=3.75, tiles=None, keyboard=False)
bare.default_js, bare.default_css = links(LIBRARIES, ".js"), links(LIBRARIES, ".css")
folium.GeoJson(COUNTRIES_FILE.read_text(encoding="utf-8"), name="countries").add_to(bare)
for name, lat, lon in (("Astana", 51.1801, 71.4460), ("Xi'an", 34.2583, 108.9286)):
    folium.Marker([lat, lon], title=name, tooltip=name,
                  icon=folium.DivIcon(html="<div style='width:30px;height:30px;background:#c0392b;border-radius:50%'></div>",
                                      icon_size=(30, 30), icon_anchor=(15, 15))).add_to(bare)
value = st_folium(bare, height=560, use_container_width=True,
                  returned_objects=["last_object_clicked", "last_object_clicked_count"])
clicked = (value or {}).get("last_object_clicked")
st.write(f"clicked {clicked['lat']:.4f} {clicked['lng']:.4f}" if clicked else "nothing clicked")
