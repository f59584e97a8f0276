# Two commands do all the set-up: `make build` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test lint schemas benchmark clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

build: $(STAMP)  ## publish content/ into output/
	$(BIN)/schema-pub build content -o output

test: $(STAMP)  ## run the test suite
	$(BIN)/python -m pytest

lint: $(STAMP)  ## ruff, mypy --strict, schemas/ in sync
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/schema-pub schemas check

schemas: $(STAMP)  ## regenerate schemas/ from the models
	$(BIN)/schema-pub schemas export

clean:
	rm -rf $(VENV) build dist *.egg-info
