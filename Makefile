# Two commands do all the set-up: `make build` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test lint schemas benchmark clean compile

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The hot modules, compiled with mypyc (tools/compile.py; nothing to do
# when they are up to date; without a C compiler the package stays pure Python).
compile: $(STAMP)
	$(BIN)/python tools/compile.py

build: compile  ## publish content/ into output/
	$(BIN)/schema-pub build content -o output

test: compile  ## run the test suite
	$(BIN)/python -m pytest

lint: $(STAMP)  ## ruff, mypy --strict, schemas/ in sync
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/schema-pub schemas check

schemas: $(STAMP)  ## regenerate schemas/ from the models
	$(BIN)/schema-pub schemas export

clean:
	-$(BIN)/python tools/compile.py --clean
	rm -rf $(VENV) build dist *.egg-info
