"""Data written into the map's generated script."""

from __future__ import annotations

import json


def script_json(value: object) -> str:
    """JSON safe inside an inline <script>: no '<' can close the tag, whatever the strings hold."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace("\u2028", "\\u2028").replace(
        "\u2029", "\\u2029")
