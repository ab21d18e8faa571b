# Two commands: `make run` (the site with demo content) and `make test` (the whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint install clean messages bench screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed-run

install: $(VENV)/.installed-dev

# Each step prints a line per migration, demo section or catalogue; the box with the addresses,
# the admin user and its password comes last, just before the server starts (migrate has already
# run the system checks).
run: $(VENV)/.installed-run
	@echo "Updating the database:"
	@$(BIN)/python manage.py migrate --noinput
	@$(BIN)/python manage.py load_demo_content
	@echo "Compiling the translations:"
	@$(BIN)/python manage.py compile_translations
	@$(BIN)/python manage.py ensure_admin --base-url http://$(HOST):$(PORT)
	@# The background worker (PDF text, search index updates) runs beside the server and stops with it.
	@$(BIN)/python manage.py db_worker & worker=$$!; trap "kill $$worker" EXIT INT TERM; \
		DJANGO_RUNSERVER_HIDE_WARNING=true $(BIN)/python manage.py runserver --skip-checks $(HOST):$(PORT)

test: $(VENV)/.installed-dev
	$(BIN)/python manage.py compile_translations
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Accept how the pages look now: rewrite tests/browser/baselines/ from the demo (review the PNGs, then commit).
screenshots: $(VENV)/.installed-dev
	$(BIN)/python manage.py compile_translations
	UPDATE_SCREENSHOTS=1 $(BIN)/python -m pytest tests/browser/test_screenshots.py -p no:cacheprovider $(PYTEST_ARGS)

# Load 10,000 resources, 1,000 posts and 500 partners into DATABASE_URL, then measure every public page
# in process, under gunicorn and with EXPLAIN (benchmarks/README.md).
bench: $(VENV)/.installed-run
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint
	$(BIN)/python scripts/lint_css.py
	$(BIN)/bandit -q -c pyproject.toml -r .

# Refresh the Welsh catalogue after changing strings (needs GNU gettext), then translate the new entries.
messages: $(VENV)/.installed-dev
	$(BIN)/python manage.py makemessages --locale cy --no-obsolete --ignore "tests/*" --ignore ".venv/*"

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .test-media
