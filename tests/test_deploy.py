"""Hosting files agree: Dockerfile, .dockerignore, .streamlit/config.toml and DEPLOY.md name the same
port, entry point and health path, and every setting the app reads is documented."""

from __future__ import annotations

import fnmatch
import json
import re
import tomllib

import pytest

from tests.conftest import ROOT

HEALTH = "/_stcore/health"
STREAM = "/_stcore/stream"
RUNTIME = ["app.py", "pages/about.py", "ui/atlas.py", "geo/atlas_map.py", "corpus/excerpts.py",
           "seeds/002_a5791866ed85a95e.md", "static/leaflet/leaflet.js", "static/geo/countries.geojson",
           ".streamlit/config.toml", "requirements.txt", "geo/data/corridors.geojson"]


def instructions(text: str) -> dict[str, list[str]]:
    """Dockerfile instructions, continuation lines joined, comments dropped."""
    joined = re.sub(r"\\\n", " ", "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#")))
    found: dict[str, list[str]] = {}
    for line in joined.splitlines():
        if line.strip():
            word, _, rest = line.strip().partition(" ")
            found.setdefault(word.upper(), []).append(rest.strip())
    return found


@pytest.fixture(scope="module")
def dockerfile() -> dict[str, list[str]]:
    return instructions((ROOT / "Dockerfile").read_text())


@pytest.fixture(scope="module")
def deploy() -> str:
    return (ROOT / "DEPLOY.md").read_text()


@pytest.fixture(scope="module")
def config() -> dict:
    return tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())


def entrypoint(dockerfile) -> list[str]:
    entry, = dockerfile["ENTRYPOINT"]
    return json.loads(entry)  # exec form: signals reach streamlit


def flag(command: list[str], name: str) -> str:
    values = [part.split("=", 1)[1] for part in command if part.startswith(f"--{name}=")]
    assert len(values) == 1, command
    return values[0]


def test_the_image_is_python_311_slim_run_by_a_non_root_user(dockerfile, deploy):
    base, = dockerfile["FROM"]
    assert re.fullmatch(r"python:3\.11-slim", base)
    assert dockerfile["USER"] and dockerfile["USER"][-1] not in ("root", "0")
    assert dockerfile["WORKDIR"] == ["/app"]
    assert "pip install -r requirements.txt" in " ".join(dockerfile["RUN"])
    assert "Python 3.11" in deploy and "python:3.11-slim" in deploy


def test_port_agrees_everywhere(dockerfile, deploy, config):
    port = config["server"]["port"]
    assert dockerfile["EXPOSE"] == [str(port)]
    assert flag(entrypoint(dockerfile), "server.port") == str(port)
    health, = dockerfile["HEALTHCHECK"]
    assert f"localhost:{port}{HEALTH}" in health
    upstreams = re.findall(r"^\s*server\s+[\w.-]+:(\d+)", deploy, flags=re.M)
    assert upstreams and set(upstreams) == {str(port)}
    assert f"-p {port}:{port}" in deploy and f"**{port}**" in deploy


def test_entry_point_agrees_everywhere(dockerfile, deploy):
    command = entrypoint(dockerfile)
    assert command[:3] == ["streamlit", "run", "app.py"]
    assert flag(command, "server.address") == "0.0.0.0"
    run_target = re.search(r"^run:.*\n\t(.+)$", (ROOT / "Makefile").read_text(), re.M).group(1)
    assert "streamlit run app.py" in run_target  # `make run` starts the same file as the image
    assert "main file path `app.py`" in deploy
    assert '"streamlit", "run", "app.py"' in deploy


def test_health_and_stream_paths_agree(dockerfile, deploy):
    assert HEALTH in dockerfile["HEALTHCHECK"][0] and HEALTH in deploy and STREAM in deploy
    assert f'{HEALTH}"' in (ROOT / "tests" / "server.py").read_text()  # what the tests' server polls
    assert "proxy_set_header Upgrade $http_upgrade" in deploy and "ip_hash" in deploy  # websockets, affinity


def test_the_map_needs_static_serving_and_the_image_keeps_what_the_app_reads(config):
    assert config["server"]["enableStaticServing"] is True
    patterns = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
                if line.strip() and not line.startswith("#")]
    for path in RUNTIME:
        assert (ROOT / path).exists(), path
        parts = path.split("/")
        prefixes = ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]
        excluded = [p for p in patterns if any(fnmatch.fnmatch(prefix, p.removeprefix("**/")) for prefix in prefixes)]
        assert not excluded, (path, excluded)


def settings_read_by_the_app() -> set[str]:
    names = set()
    # every module the app runs: app.py and each folder of code (a new package is read too)
    for path in [ROOT / "app.py", *(p for p in ROOT.glob("*/*.py") if p.parts[-2] not in ("tests", "bench"))]:
        text = path.read_text()
        names |= set(re.findall(r"""os\.(?:environ(?:\.get)?\s*[\[(]|getenv\s*\()\s*["']([A-Za-z0-9_]+)""", text))
    return names


def test_every_environment_variable_the_app_reads_is_documented(deploy):
    names = settings_read_by_the_app()
    assert {"ATLAS_TILES", "ATLAS_TILES_ATTRIBUTION", "ATLAS_TILES_KEY", "ATLAS_SEEDS_DIR"} <= names
    table = {row.split("|")[1].strip().strip("`") for row in deploy.splitlines() if row.startswith("| `")}
    assert names <= table, names - table


def test_every_streamlit_setting_of_config_toml_is_documented(config, deploy):
    for section, options in config.items():
        for option in options:
            assert f"`{section}.{option}`" in deploy, f"{section}.{option}"


def test_no_secrets_and_pinned_requirements_at_the_root():
    assert not (ROOT / ".streamlit" / "secrets.toml").exists()
    code = "\n".join(p.read_text() for p in [ROOT / "app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("ui/*.py")])
    assert "st.secrets" not in code
    requirements = [line for line in (ROOT / "requirements.txt").read_text().splitlines()
                    if line.strip() and not line.startswith("#")]
    assert requirements and all(re.fullmatch(r"[A-Za-z0-9_.-]+==[\w.]+", line) for line in requirements)
