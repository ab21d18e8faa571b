# Two commands: `make run` (the site with demo content) and `make test` (the whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint install clean messages bench

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

run: $(VENV)/.installed-run
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py ensure_admin
	$(BIN)/python manage.py compile_translations
	@echo "The site is at http://$(HOST):$(PORT)/ and the admin at http://$(HOST):$(PORT)/admin/"
	@# The background worker (PDF text, search index updates) runs beside the server and stops with it.
	$(BIN)/python manage.py db_worker & worker=$$!; trap "kill $$worker" EXIT INT TERM; \
		$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev
	$(BIN)/python manage.py compile_translations
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Load 10,000 resources, 1,000 posts and 500 partners into DATABASE_URL, then measure every public page
# in process, under gunicorn and with EXPLAIN (benchmarks/README.md).
bench: $(VENV)/.installed-run
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint
	$(BIN)/bandit -q -c pyproject.toml -r .

# Refresh the Welsh catalogue after changing strings (needs GNU gettext), then translate the new entries.
messages: $(VENV)/.installed-dev
	$(BIN)/python manage.py makemessages --locale cy --no-obsolete --ignore "tests/*" --ignore ".venv/*"

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .test-media
