"""Streamlit only: the page furniture every page shares (URL state, the side panel, caches, paging, the share field, downloads). What to show comes from present/."""
