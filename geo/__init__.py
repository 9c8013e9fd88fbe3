"""Geography of the atlas: country shapes, point-in-country lookup and the folium map (geo/README.md)."""
