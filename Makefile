# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test test-tools lint format bench install install-dev translations clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install only when the requirements change.
$(VENV)/.installed: requirements.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

# The site's own translations, compiled from the .po files (pure Python: no GNU gettext needed).
translations: $(VENV)/.installed
	@$(BIN)/python manage.py compile_translations

install: $(VENV)/.installed translations
install-dev: $(VENV)/.installed-dev translations

## make run: install, migrate, load the demo content once, serve on http://127.0.0.1:8000
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py create_dev_admin
	$(BIN)/python manage.py runserver 127.0.0.1:8000

## make test: install the dev tools, lint, run the whole suite (DATABASE_URL picks the database)
## TEST_CLOCK="23:30 Europe/London" moves the clock; TEST_CLOCK_CHANGES=1 adds the clock-change days (tests/clock.py).
## Browser, accessibility and HTML checks run when Chromium, npm's tools and Java are present;
## otherwise they are skipped and the summary at the end says why.
test: install-dev lint test-tools
	@test -x "$${CHROMIUM:-/usr/bin/chromium}" || echo "NOTE: Chromium not found (apt-get install chromium): the browser tests will be SKIPPED"
	@command -v java >/dev/null 2>&1 || echo "NOTE: java not found: the HTML validity tests will be SKIPPED"
	@test -f node_modules/.installed || echo "NOTE: axe-core/vnu-jar not installed (needs npm): accessibility and HTML tests will be SKIPPED"
	$(BIN)/pytest

# axe-core and the Nu HTML Checker from npm (package-lock.json), for the tests only.
# --ignore-scripts: vnu-jar's install script would fetch a Java runtime; the machine's is used.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

test-tools:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) -s --no-print-directory node_modules/.installed \
	|| echo "npm ci failed: axe-core and vnu-jar not installed"; \
	else echo "npm not found: axe-core and vnu-jar not installed"; fi

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install-dev
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache node_modules test-artifacts
