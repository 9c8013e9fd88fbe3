"""The presentation layer: plain Python between the data (`corpus/`, `geo/`) and Streamlit (`ui/`).

What a view is and what it selects, the selection's excerpts and words, the map model, markup
and escaping, the UI strings. No Streamlit here: tested without a server, and reusable by a
static build or the data routes.
"""
