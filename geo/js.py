"""Data written into the map's generated script."""

from __future__ import annotations

import json


def compact_script(text: str) -> str:
    """A script file as the map sends it on every rerun: without its whole-line comments,
    indentation and blank lines (about a third of its bytes); every line of code as written."""
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))


def script_json(value: object) -> str:
    """JSON safe inside an inline <script>: no '<' can close the tag, whatever the strings hold."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace("\u2028", "\\u2028").replace(
        "\u2029", "\\u2029")
