"""A page for tests/test_server_hardening.py: it imports the app's cached loaders (ui.data, which
installs ui.guard as the app does) and shows a value made once per process by st.cache_resource,
so a test can see from outside whether a client's message emptied the caches."""

import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import streamlit as st  # noqa: E402

import ui.data  # noqa: E402,F401  (what app.py imports first)


@st.cache_resource
def made_once() -> str:
    return uuid.uuid4().hex


st.subheader(made_once(), anchor=False)

if st.query_params.get("fail"):
    raise RuntimeError(f"failed in {Path(__file__).resolve()}")  # a message naming a server path
