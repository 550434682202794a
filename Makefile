# Two commands on a fresh machine (Python 3.11+ and git):
#   make demo   installs communique into .venv, ingests the sample corpus, prints a summary,
#               writes events.jsonl and articles.jsonl
#   make test   installs the test tools and runs lint, types and the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,serve,scale,multilingual]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/communique demo --corpus sample/articles

lint: $(STAMP)
	$(BIN)/ruff check src tests tools bench
	$(BIN)/ruff format --check src tests tools bench
	$(BIN)/mypy

test: lint
	bash tools/ensure_chromium.sh
	$(BIN)/python -m pytest -q

# Speed and memory on the benchmark corpus in ../shared/corpus/bench, memory up to 100,000
# articles (some thirty minutes; `bench/run.py --scale 20000` for a shorter run).
bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) communique.duckdb events.jsonl articles.jsonl
