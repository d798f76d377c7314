# Two entry points, both listed in the README:
#   make serve  - live-reloading site at http://127.0.0.1:8000
#   make test   - the whole test suite, browser tests included
# Everything else here is what those two need.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test

$(BIN)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

serve: $(BIN)/.installed
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: $(BIN)/.installed
	$(BIN)/python -m tools.build site

test: $(BIN)/.installed node_modules/.installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)
