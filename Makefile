# Stridewell: `make run` starts the clinic app, `make test` runs the whole suite.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
PG_URL ?= postgres://postgres@127.0.0.1:5432/stridewell

.PHONY: run test test-sqlite test-postgres lint bench clean browser

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "Python 3.11 is needed (python3.11 not found)."; exit 1; }
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install -q -e ".[test]"
	touch $@

run: $(STAMP)
	$(BIN)/stridewell serve

# Debian's Chromium drives the browser tests (Playwright cannot download its own browser here).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null) \
	      || echo "Could not install chromium: browser tests will be skipped."; \
	  else echo "Chromium is missing and we are not root: browser tests will be skipped."; fi; \
	fi

CORES := src/stridewell/load src/stridewell/gait src/stridewell/assess src/stridewell/programme

test: $(TEST_STAMP) browser
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy $(CORES)
	$(BIN)/pytest -q
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('host=127.0.0.1 port=5432 user=postgres dbname=postgres', connect_timeout=3).close()" 2>/dev/null; then \
	  echo "== PostgreSQL answers on 127.0.0.1:5432: running the database tests on it too =="; \
	  DATABASE_URL=$(PG_URL) $(BIN)/pytest -q -m "not browser" tests/clinic; \
	else echo "== No PostgreSQL on 127.0.0.1:5432: database tests ran on SQLite only =="; fi

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy $(CORES)

bench: $(TEST_STAMP)
	for b in bench/*.py; do $(BIN)/python $$b; done

clean:
	rm -rf $(VENV) var
