"""The text side of the atlas: articles, sentences, places, countries, themes and ranked excerpts.

Plain Python (no Streamlit), so it is tested and reused without a server.
"""
