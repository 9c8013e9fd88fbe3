"""The atlas's HTTP routes beside Streamlit's (link previews, the view's picture, the data routes)."""
