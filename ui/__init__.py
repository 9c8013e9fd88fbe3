"""Streamlit pieces shared by every page: UI strings, URL state, cached data and the side panel."""
