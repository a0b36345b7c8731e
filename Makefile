# diplowatch — every target works from a fresh clone; `make install` is implied where needed.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DW := $(BIN)/diplowatch
STAMP := $(VENV)/.installed

.PHONY: install run demo test lint typecheck bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install diplowatch with its test tools

run: $(STAMP)  ## the daemon on the packaged catalog into ./diplowatch.db (Ctrl-C stops it)
	$(DW) run

demo: $(STAMP)  ## local site server -> backfill -> table of meetings, no internet needed
	$(BIN)/python -m tests.demo

test: $(STAMP) lint  ## lint, type check and the whole test suite (what CI runs)
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check config scraper storage tests bench
	$(BIN)/mypy

bench: $(STAMP)  ## benchmarks (never part of the test run); figures go to bench/out/
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) demo bench/out .mypy_cache .ruff_cache .pytest_cache
