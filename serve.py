"""The atlas's server: Streamlit's app (app.py and pages/) with the atlas's own routes served
before Streamlit's: each page's HTML carrying its view's title, description and picture, and
every view as data (web/routes.py). Start it with `streamlit run serve.py` (Streamlit finds the
`App` below), or `uvicorn serve:app`."""

import streamlit as st

from web.routes import atlas_routes

app = st.App("app.py", routes=atlas_routes())
