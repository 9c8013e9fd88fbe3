"""The baseline for bench_apptest.py: a Streamlit page that draws one line of text."""

import streamlit as st

st.write("empty")
