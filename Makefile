# Two entry points, both listed in the README:
#   make serve  - live-reloading site at http://127.0.0.1:8000
#   make test   - the whole test suite, browser tests included
# and the quick tier for while you work:
#   make check  - the linters, then the unit tests (no build, no browser; well under 30 s)
#   make lint   - the linters alone; make format puts the Python in ruff's format
#   make schemas - data/schemas/*.json from the data models, after a model changed
# Everything else here is what those two need, plus `make build` (the site the
# deploy workflow publishes), `make offline` (dist/interview-guide-offline.zip)
# and `make bench` (BENCHMARKS.md; not part of the tests, CI does not run it).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check lint format schemas offline bench

# The site's Python packages (requirements.lock) are all that serve and build need; the tests
# and linters add theirs (requirements-test.lock: the site's lock, pin for pin, and the test
# tools; compiled with requirements.lock as a constraint, see the command at the top of each).
$(BIN)/.site-installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

$(BIN)/.installed: requirements.lock requirements-test.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-test.lock
	touch $(BIN)/.site-installed $@

# The site's own npm packages (package.json "dependencies": the code runner's Pyodide and
# CodeMirror, esbuild, iframe-worker, Workbox, the coach's ts-fsrs) are all that serve and build
# need; the tests add the devDependencies (axe-core, vnu-jar, and the linters).
node_modules/.site-installed: package.json package-lock.json
	npm ci --omit=dev --no-audit --no-fund --loglevel=error
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch node_modules/.site-installed $@

# mkdocs serve --strict, started again after an error that ends it (tools/serve.py says when).
serve: $(BIN)/.site-installed node_modules/.site-installed
	$(BIN)/python -m tools.serve --dev-addr 127.0.0.1:8000

# The build bundles the code runner's editor and runs Workbox for the service worker (node_modules).
build: $(BIN)/.site-installed node_modules/.site-installed
	$(BIN)/python -m tools.build site

test: lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The JSON Schema editors validate data/ with, and each data file's first line naming it
# (tests/test_schemas.py fails while they differ from the models).
schemas: $(BIN)/.site-installed
	$(BIN)/python -m tools.schemas

# tests/conftest.py marks every test that needs no build and no browser as `unit`; pytest-xdist
# spreads them over the machine's cores (at most four: each worker collects the tests anew).
check: lint
	$(BIN)/python -m pytest -m unit -q -n auto --maxprocesses 4 --hypothesis-profile=check $(PYTEST_ARGS)

# Every linter runs, even after one failed, and the last line names each that failed.
# Configured in pyproject.toml (ruff, mypy), eslint.config.mjs and stylelint.config.mjs.
LINTERS := \
  "ruff check:$(BIN)/ruff check --quiet ." \
  "ruff format:$(BIN)/ruff format --check --quiet ." \
  "mypy:$(BIN)/mypy" \
  "eslint:node_modules/.bin/eslint --cache ." \
  "stylelint:node_modules/.bin/stylelint --cache docs/stylesheets/*.css"

lint: $(BIN)/.installed node_modules/.installed
	@failed=""; \
	for linter in $(LINTERS); do \
	  name=$${linter%%:*}; \
	  $${linter#*:} || failed="$$failed, $$name"; \
	done; \
	if [ -n "$$failed" ]; then echo "make lint: failed: $${failed#, }" >&2; exit 1; fi; \
	echo "make lint: ruff, mypy, eslint and stylelint passed"

format: $(BIN)/.installed
	$(BIN)/ruff format .

# The offline edition: unzip it anywhere and open interview-guide/index.html.
offline: $(BIN)/.installed node_modules/.installed
	$(BIN)/python -m tools.offline dist/interview-guide-offline.zip

# The performance benchmark: the site against plain Material, side by side in
# one run (about 35 minutes); writes BENCHMARKS.md. Lighthouse is pinned in
# bench/package.json. BENCH_ARGS passes options, e.g. BENCH_ARGS=--skip-lighthouse.
bench/node_modules/.installed: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	touch $@

bench: $(BIN)/.installed bench/node_modules/.installed
	$(BIN)/python -m bench.run $(BENCH_ARGS)
